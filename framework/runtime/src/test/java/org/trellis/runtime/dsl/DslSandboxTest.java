package org.trellis.runtime.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trellis.runtime.plugin.PartRegistry;

/** Scripts run sandboxed: each way out is refused at compile time, with its line and how to lift the sandbox. */
class DslSandboxTest {
    final PartRegistry registry = DslFixtures.registry();
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {
            "System.exit(1)",
            "Runtime.getRuntime().exec('touch pwned')",
            "'touch pwned'.execute()",
            "['touch', 'pwned'].execute()",
            "new ProcessBuilder('touch', 'pwned').start()",
            "new File('pwned').text = 'x'",
            "new FileOutputStream('pwned').write(1)",
            "java.nio.file.Files.writeString(java.nio.file.Path.of('pwned'), 'x')",
            "new Socket('localhost', 80)",
            "'http://localhost/'.toURL().text",
            "Class.forName('java.lang.Runtime')",
            "this.class.classLoader.loadClass('java.lang.Runtime')",
            "'x'.getClass().forName('java.lang.Runtime')",
            "Thread.start { }",
            "System.getenv('HOME')",
            "System.setProperty('a', 'b')",
            "'x'.metaClass.foo = { -> 1 }",
            "'x'.invokeMethod('toString', null)",
            "def s = 'x'; s['class']",
            "Eval.me('1 + 1')",
            "new GroovyShell().evaluate('1')",
            "evaluate('System.exit(1)')",
            "@groovy.transform.CompileDynamic\ndef f() { System.exit(1) }",
            "@Grab('org.example:evil:1.0')\nimport org.example.Evil",
            "class Sneaky { static void go() { System.exit(1) } }",
            "def c = 'touch pwned'.&execute; c.call()",
            "System.&setProperty.call('a', 'b')",
            "def e = System::exit",
            "('pwned' as File).text = 'x'",
            "def f = 'pwned' as File",
            "System.properties = null",
            "@groovy.transform.ASTTest(value = { new File('pwned').text = 'x' }) def x = 1",
            "def u = 'http://localhost/' as URL",
    })
    void eachWayOutIsRefusedAtCompileTimeWithItsLine(String escape) throws Exception {
        Path file = Files.writeString(dir.resolve("escape.groovy"), "strategy('a') { model 'sma-cross' }\n" + escape + "\n");
        ScriptException e = assertThrows(ScriptException.class, () -> new ScriptHost(registry, false).evaluate(file));
        String m = e.getMessage();
        assertTrue(m.contains("escape.groovy:2:") || m.contains("escape.groovy:3:"), m);
        assertTrue(m.contains("not allowed in a strategy script") || m.contains("annotations are not allowed")
                || m.contains("unknown keyword 'evaluate'"), m);
        assertTrue(!m.contains("cannot compile"), "refused by the sandbox, not by an accident: " + m);
        assertTrue(Files.notExists(dir.resolve("pwned")) && Files.notExists(Path.of("pwned")), "nothing ran");
    }

    @Test
    void theRuleLambdaIsSandboxedToo() throws Exception {
        Path file = Files.writeString(dir.resolve("rule.groovy"),
                "strategy('a') {\n  rule { f -> System.exit(1); BUY }\n}\n");
        ScriptException e = assertThrows(ScriptException.class, () -> new ScriptHost(registry, false).evaluate(file));
        assertTrue(e.getMessage().contains("rule.groovy:2:") && e.getMessage().contains("System.exit"), e.getMessage());
    }

    @Test
    void arithmeticStringsCollectionsAndMathStayAvailable() throws Exception {
        Path file = Files.writeString(dir.resolve("ok.groovy"), """
                def periods = [5, 10, 20].collect { it * 2 }
                def label = "fast-${periods[0]}".toUpperCase()
                def m = [a: 1]; m['b'] = Math.max(2, 1)
                assert 'abc'[1] == 'b'
                strategy(label) {
                    data  'btc-usd-1h'
                    model 'sma-cross', fast: periods[0], slow: periods.sum() as int
                    features 'rsi', period: 14
                }
                """.replace("periods.sum() as int", "periods.sum()"));
        List<StrategySpec> specs = new ScriptHost(registry, false).evaluate(file);
        assertEquals("FAST-10", specs.get(0).name());
    }

    @Test
    void unsafeScriptsMayCallAnything() throws Exception {
        Path file = Files.writeString(dir.resolve("unsafe.groovy"), """
                def home = System.getProperty('java.version')
                strategy("java-$home") { model 'sma-cross' }
                """);
        assertThrows(ScriptException.class, () -> new ScriptHost(registry, false).evaluate(file));
        List<StrategySpec> specs = new ScriptHost(registry, true).evaluate(file);
        assertEquals("java-" + System.getProperty("java.version"), specs.get(0).name());
    }
}

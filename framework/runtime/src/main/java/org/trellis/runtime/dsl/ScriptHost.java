package org.trellis.runtime.dsl;

import groovy.lang.GroovyClassLoader;
import groovy.lang.GroovyCodeSource;
import groovy.transform.CompileStatic;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.control.MultipleCompilationErrorsException;
import org.codehaus.groovy.control.customizers.ASTTransformationCustomizer;
import org.codehaus.groovy.control.messages.ExceptionMessage;
import org.codehaus.groovy.control.messages.Message;
import org.codehaus.groovy.control.messages.SyntaxErrorMessage;
import org.codehaus.groovy.syntax.SyntaxException;
import org.trellis.runtime.plugin.Names;
import org.trellis.runtime.plugin.PartRegistry;
import org.trellis.runtime.plugin.PluginFolder;

/**
 * Compiles and runs strategy scripts. A script is compiled statically (every call's target is known
 * at compile time; no dynamic dispatch) after {@link DslTransform} has rewritten its DSL, and, by
 * default, inside the {@link SandboxExtension} allow-list. Running it once records its strategy
 * blocks; the script then steps aside.
 */
public final class ScriptHost {
    private final PartRegistry registry;
    private final boolean unsafe;

    /** {@code unsafe}: lift the sandbox (--unsafe-scripts): the script may call any Java or Groovy API. */
    public ScriptHost(PartRegistry registry, boolean unsafe) {
        this.registry = registry;
        this.unsafe = unsafe;
    }

    /** Compiles and runs {@code file}; returns its strategy blocks as written. */
    public List<StrategySpec> evaluate(Path file) {
        return read(file).strategies();
    }

    /** Compiles and runs {@code file}; returns its train statements and strategy blocks as written. */
    public ScriptContents read(Path file) {
        String shown = PluginFolder.display(file);
        return read(read(file, shown), file.getFileName().toString(), shown);
    }

    /**
     * Compiles and runs a script's text (e.g. one shipped to another machine); {@code fileName} and
     * {@code shown} name it in errors as {@link #read(Path)} does.
     */
    public ScriptContents read(String text, String fileName, String shown) {
        Class<?> type = compile(text, fileName, shown);
        TrellisScript script;
        try {
            script = (TrellisScript) type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot instantiate the compiled script " + shown, e);
        }
        script.file(shown);
        try {
            script.run();
        } catch (ScriptException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ScriptException(ScriptLines.at(e, shown) + ": " + message(e), e);
        }
        if (script.strategies().isEmpty()) {
            throw new ScriptException(shown + ": declares no strategy; write strategy('name') { model 'sma-cross' } "
                    + "(see strategies/ for examples)");
        }
        return new ScriptContents(script.trainings(), script.strategies());
    }

    /** A script's text, as {@link #read(Path)} reads it (UTF-8; errors name the file). */
    public static String source(Path file) {
        return read(file, PluginFolder.display(file));
    }

    private static String read(Path file, String shown) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException e) {
            throw new ScriptException(shown + ": no such script");
        } catch (CharacterCodingException e) {
            throw new ScriptException(shown + ": not UTF-8 text");
        } catch (IOException e) {
            throw new ScriptException(shown + ": cannot read: " + e.getMessage());
        }
    }

    Class<?> compile(String text, String fileName, String shown) {
        CompilerConfiguration config = new CompilerConfiguration();
        config.setScriptBaseClass(TrellisScript.class.getName());
        config.setTargetBytecode(CompilerConfiguration.JDK17);
        // @Grab would fetch code at compile time; with it off, @Grab is an ordinary (refused) annotation
        config.setDisabledGlobalASTTransformations(java.util.Set.of("groovy.grape.GrabAnnotationTransformation"));
        config.addCompilationCustomizers(new DslTransform(registry));
        Map<String, Object> options = unsafe ? Map.of() : Map.of("extensions", SandboxExtension.class.getName());
        config.addCompilationCustomizers(new ASTTransformationCustomizer(options, CompileStatic.class));
        try (GroovyClassLoader loader = new GroovyClassLoader(ScriptHost.class.getClassLoader(), config)) {
            return loader.parseClass(new GroovyCodeSource(text, fileName, "/trellis/script"), false);
        } catch (MultipleCompilationErrorsException e) {
            throw new ScriptException(describe(e, shown), e);
        } catch (RuntimeException | LinkageError e) {
            throw new ScriptException(shown + ": cannot compile: " + message(e), e);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String describe(MultipleCompilationErrorsException e, String shown) {
        List<String> lines = new ArrayList<>();
        for (Message m : e.getErrorCollector().getErrors()) {
            if (m instanceof SyntaxErrorMessage s) {
                SyntaxException x = s.getCause();
                lines.add(shown + ":" + x.getLine() + ":" + x.getStartColumn() + ": " + explain(x.getOriginalMessage()));
            } else if (m instanceof ExceptionMessage x) {
                lines.add(shown + ": " + message(x.getCause()));
            } else {
                lines.add(shown + ": " + m);
            }
        }
        return String.join("\n", lines);
    }

    private static final Pattern NO_METHOD = Pattern.compile(
            "\\[Static type checking\\] - Cannot find matching method ([\\w.$]+)#(\\w+)\\(([^)]*)\\).*", Pattern.DOTALL);
    private static final Pattern NO_PROPERTY = Pattern.compile(
            "\\[Static type checking\\] - (?:No such property|The variable \\[)[: ]*\\[?(\\w+)\\]?.*", Pattern.DOTALL);

    /** Groovy's type-checking messages, said in the DSL's words, with the closest keyword. */
    static String explain(String message) {
        Matcher m = NO_METHOD.matcher(message);
        if (m.matches()) {
            String owner = m.group(1);
            String method = m.group(2);
            List<String> keywords = keywordsOf(owner);
            if (keywords != null) {
                return "unknown keyword '" + method + "'" + where(owner) + " (with arguments " + readable(m.group(3)) + ")."
                        + Names.suggestion(method, keywords) + " Keywords here: " + String.join(", ", keywords);
            }
            return "no method " + method + "(" + readable(m.group(3)) + ") on " + simple(owner);
        }
        Matcher p = NO_PROPERTY.matcher(message);
        if (p.matches()) {
            String name = p.group(1);
            List<String> known = new ArrayList<>(List.of("BUY", "SELL", "HOLD"));
            return "unknown name '" + name + "'." + Names.suggestion(name, known)
                    + " A rule reads features as f.name and answers BUY, SELL or HOLD";
        }
        return message.replace("[Static type checking] - ", "");
    }

    private static List<String> keywordsOf(String owner) {
        for (Class<?> dsl : List.of(StrategySpec.class, GuardsSpec.class, TrellisScript.class)) {
            if (owner.equals(dsl.getName()) || owner.equals(dsl.getSimpleName())) {
                return Keywords.of(dsl);
            }
        }
        if (!owner.contains(".")) { // the script class itself: its keywords are TrellisScript's
            return Keywords.of(TrellisScript.class);
        }
        return null;
    }

    private static String where(String owner) {
        if (owner.endsWith("StrategySpec")) {
            return " in a strategy block";
        }
        if (owner.endsWith("GuardsSpec")) {
            return " in a guards block";
        }
        return " at the top of the script";
    }

    private static String readable(String types) {
        return types.isBlank() ? "none" : Arrays.stream(types.split(",\\s*")).map(ScriptHost::simple)
                .reduce((a, b) -> a + ", " + b).orElse("");
    }

    private static String simple(String type) {
        int dot = type.lastIndexOf('.');
        return dot < 0 ? type : type.substring(dot + 1);
    }

    static String message(Throwable e) {
        Throwable t = e instanceof InvocationTargetException ite && ite.getCause() != null ? ite.getCause() : e;
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}

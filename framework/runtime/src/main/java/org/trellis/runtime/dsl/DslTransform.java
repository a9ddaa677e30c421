package org.trellis.runtime.dsl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.codehaus.groovy.ast.ASTNode;
import org.codehaus.groovy.ast.ClassCodeExpressionTransformer;
import org.codehaus.groovy.ast.ClassHelper;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.Parameter;
import org.codehaus.groovy.ast.expr.ArgumentListExpression;
import org.codehaus.groovy.ast.expr.ClassExpression;
import org.codehaus.groovy.ast.expr.ClosureExpression;
import org.codehaus.groovy.ast.expr.ConstantExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.LambdaExpression;
import org.codehaus.groovy.ast.expr.ListExpression;
import org.codehaus.groovy.ast.expr.MapEntryExpression;
import org.codehaus.groovy.ast.expr.MapExpression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.expr.PropertyExpression;
import org.codehaus.groovy.ast.expr.TupleExpression;
import org.codehaus.groovy.ast.expr.VariableExpression;
import org.codehaus.groovy.ast.stmt.BlockStatement;
import org.codehaus.groovy.ast.stmt.ExpressionStatement;
import org.codehaus.groovy.ast.stmt.Statement;
import org.codehaus.groovy.classgen.GeneratorContext;
import org.codehaus.groovy.control.CompilePhase;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.customizers.CompilationCustomizer;
import org.codehaus.groovy.control.messages.SyntaxErrorMessage;
import org.codehaus.groovy.syntax.SyntaxException;
import org.trellis.api.plugin.ParamSpec;
import org.trellis.api.plugin.Params;
import org.trellis.api.plugin.PartFactory;
import org.trellis.api.plugin.PartKind;
import org.trellis.api.strategy.Side;
import org.trellis.runtime.plugin.Names;
import org.trellis.runtime.plugin.PartRegistry;

/**
 * Rewrites a script's DSL before it is type-checked and compiled statically, and checks the parts
 * it names while the exact line and column are still known:
 * <ul>
 *   <li>{@code rule { f -> f.rsi14 < 30 ? BUY : HOLD }} becomes a Java lambda over {@link Features}:
 *       each {@code f.name} turns into {@code f.get(slot)} (the names go to the rule's call, so
 *       binding them to columns happens once) and {@code BUY}/{@code SELL}/{@code HOLD} into
 *       {@link Side} constants;</li>
 *   <li>each line of {@code guards { maxDrawdown 0.10; cooldown bars: 5 }} becomes
 *       {@code guard('max-drawdown', 0.10)} / {@code guard(bars: 5, 'cooldown')};</li>
 *   <li>{@code model}, {@code features}, {@code guard}, {@code regime} and {@code auditor} with a
 *       literal name: an unknown part, an unknown parameter or a bad literal value is a compile
 *       error at its position, with the closest valid names.</li>
 * </ul>
 */
final class DslTransform extends CompilationCustomizer {
    private static final Map<String, PartKind> PART_KEYWORDS = Map.of("model", PartKind.STRATEGY,
            "features", PartKind.FEATURE_SET, "guard", PartKind.RISK_GUARD, "regime", PartKind.RISK_GUARD,
            "auditor", PartKind.RISK_GUARD);
    private static final Set<String> SIDES = Set.of("BUY", "SELL", "HOLD");

    private final PartRegistry registry;

    /** {@code registry}: checks part names and parameters at compile time; null skips those checks. */
    DslTransform(PartRegistry registry) {
        super(CompilePhase.CONVERSION);
        this.registry = registry;
    }

    @Override
    public void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
        Set<String> scriptMethods = new java.util.HashSet<>();
        classNode.getMethods().forEach(m -> scriptMethods.add(m.getName()));
        Rewriter rewriter = new Rewriter(source, scriptMethods);
        rejectAnnotations(classNode, rewriter);
        rewriter.visitClass(classNode);
    }

    /**
     * Scripts need no annotations, and some would take them out of the sandbox (@CompileDynamic,
     * @TypeChecked(SKIP)) or fetch code (@Grab): none is accepted.
     */
    private static void rejectAnnotations(ClassNode type, Rewriter errors) {
        List<org.codehaus.groovy.ast.AnnotatedNode> nodes = new ArrayList<>();
        nodes.add(type);
        nodes.addAll(type.getMethods());
        nodes.addAll(type.getDeclaredConstructors());
        nodes.addAll(type.getFields());
        nodes.addAll(type.getProperties());
        if (type.getModule() != null) {
            nodes.addAll(type.getModule().getImports());
            nodes.addAll(type.getModule().getStarImports());
            nodes.addAll(type.getModule().getStaticImports().values());
            nodes.addAll(type.getModule().getStaticStarImports().values());
            if (type.getModule().getPackage() != null) {
                nodes.add(type.getModule().getPackage());
            }
        }
        for (org.codehaus.groovy.ast.AnnotatedNode n : nodes) {
            for (org.codehaus.groovy.ast.AnnotationNode a : n.getAnnotations()) {
                if (a.getLineNumber() > 0) {
                    errors.error("annotations are not allowed in strategy scripts (@" + a.getClassNode().getNameWithoutPackage()
                            + ")", a);
                }
            }
        }
        for (org.codehaus.groovy.ast.MethodNode m : type.getMethods()) {
            for (Parameter p : m.getParameters()) {
                for (org.codehaus.groovy.ast.AnnotationNode a : p.getAnnotations()) {
                    errors.error("annotations are not allowed in strategy scripts (@" + a.getClassNode().getNameWithoutPackage()
                            + ")", a);
                }
            }
        }
    }

    /** Where a call stands, for keyword checks: the script's top level, a strategy block, a guards block, elsewhere. */
    private enum Scope {
        TOP(TrellisScript.class, " at the top of the script"),
        STRATEGY(StrategySpec.class, " in a strategy block"),
        GUARDS(GuardsSpec.class, " in a guards block"),
        OTHER(null, "");

        final List<String> keywords;
        final String where;

        Scope(Class<?> dsl, String where) {
            // calls only: BUY/SELL/HOLD are read, not called
            this.keywords = dsl == null ? List.of()
                    : Keywords.of(dsl).stream().filter(k -> Character.isLowerCase(k.charAt(0))).toList();
            this.where = where;
        }
    }

    private static final Set<String> PRINTING = Set.of("print", "println", "printf");

    private final class Rewriter extends ClassCodeExpressionTransformer {
        private final SourceUnit source;
        private final Set<String> scriptMethods;
        private final java.util.ArrayDeque<Scope> scopes = new java.util.ArrayDeque<>(List.of(Scope.TOP));

        Rewriter(SourceUnit source, Set<String> scriptMethods) {
            this.source = source;
            this.scriptMethods = scriptMethods;
        }

        /** An implicit-this call must be a keyword of its scope (or, at the top, a method the script declares). */
        private boolean knownKeyword(MethodCallExpression call, String name) {
            Scope scope = scopes.peek();
            if (call.getLineNumber() < 1 || scope == Scope.OTHER || PRINTING.contains(name) || scope.keywords.contains(name)
                    || (scope == Scope.TOP && scriptMethods.contains(name))) {
                return true;
            }
            error("unknown keyword '" + name + "'" + scope.where + "." + Names.suggestion(name, scope.keywords)
                    + " Keywords here: " + String.join(", ", scope.keywords), call.getMethod());
            return false;
        }

        @Override
        protected SourceUnit getSourceUnit() {
            return source;
        }

        @Override
        public Expression transform(Expression e) {
            if (e == null) {
                return null;
            }
            // annotations on local declarations (e.g. @ASTTest) would run code in the compiler
            for (org.codehaus.groovy.ast.AnnotationNode a : e.getAnnotations()) {
                error("annotations are not allowed in strategy scripts (@" + a.getClassNode().getNameWithoutPackage() + ")", a);
            }
            if (e instanceof ClosureExpression closure && !(e instanceof LambdaExpression)) {
                if (closure.getParameters() != null) {
                    for (Parameter p : closure.getParameters()) {
                        p.getAnnotations().forEach(a -> error("annotations are not allowed in strategy scripts (@"
                                + a.getClassNode().getNameWithoutPackage() + ")", a));
                    }
                }
                closure.getCode().visit(this);
                return closure;
            }
            if (e instanceof MethodCallExpression call && call.isImplicitThis()) {
                String name = call.getMethodAsString();
                if (name != null && !knownKeyword(call, name)) {
                    return e;
                }
                if ("rule".equals(name)) {
                    Expression rewritten = rewriteRule(call);
                    if (rewritten != null) {
                        return rewritten;
                    }
                } else if ("guards".equals(name)) {
                    rewriteGuards(call);
                }
                if (name != null && PART_KEYWORDS.containsKey(name)) {
                    check(call, PART_KEYWORDS.get(name));
                }
                scopes.push("strategy".equals(name) ? Scope.STRATEGY : "guards".equals(name) ? Scope.GUARDS : Scope.OTHER);
                try {
                    return e.transformExpression(this);
                } finally {
                    scopes.pop();
                }
            }
            if (e instanceof MethodCallExpression) {
                scopes.push(Scope.OTHER); // closures passed to other methods (each, collect, ...) are not DSL blocks
                try {
                    return e.transformExpression(this);
                } finally {
                    scopes.pop();
                }
            }
            return e.transformExpression(this);
        }

        /** rule { f -> ... } to rule(['name', ...], line, (Features f) -> ...). */
        private Expression rewriteRule(MethodCallExpression call) {
            List<Expression> args = arguments(call);
            if (args.size() != 1 || !(args.get(0) instanceof ClosureExpression closure) || closure instanceof LambdaExpression) {
                return null;
            }
            Parameter[] params = closure.getParameters();
            if (params != null && params.length > 1) {
                error("a rule takes one parameter, the features (rule { f -> ... }), not " + params.length, closure);
                return null;
            }
            String var = params != null && params.length == 1 ? params[0].getName() : "it";
            List<String> names = new ArrayList<>();
            RuleBody body = new RuleBody(var, names);
            closure.getCode().visit(body);
            LambdaExpression lambda = new LambdaExpression(
                    new Parameter[] {new Parameter(ClassHelper.make(Features.class), var)}, closure.getCode());
            lambda.setSourcePosition(closure);
            List<Expression> nameList = new ArrayList<>();
            names.forEach(n -> nameList.add(new ConstantExpression(n)));
            ArgumentListExpression newArgs = new ArgumentListExpression(new ListExpression(nameList),
                    new ConstantExpression(call.getLineNumber(), true), lambda);
            MethodCallExpression rewritten = new MethodCallExpression(call.getObjectExpression(), "rule", newArgs);
            rewritten.setImplicitThis(true);
            rewritten.setSourcePosition(call);
            return rewritten;
        }

        /** guards { maxDrawdown 0.10 } to guards { guard('max-drawdown', 0.10) }. */
        private void rewriteGuards(MethodCallExpression call) {
            List<Expression> args = arguments(call);
            if (args.size() != 1 || !(args.get(0) instanceof ClosureExpression closure)
                    || !(closure.getCode() instanceof BlockStatement block)) {
                return;
            }
            List<Statement> statements = block.getStatements();
            for (int i = 0; i < statements.size(); i++) {
                if (statements.get(i) instanceof ExpressionStatement es && es.getExpression() instanceof MethodCallExpression line
                        && line.isImplicitThis() && line.getMethodAsString() != null && !"guard".equals(line.getMethodAsString())) {
                    List<Expression> newArgs = new ArrayList<>();
                    List<Expression> old = arguments(line);
                    int from = 0;
                    if (!old.isEmpty() && old.get(0) instanceof MapExpression) {
                        newArgs.add(old.get(0));
                        from = 1;
                    }
                    ConstantExpression guardName = new ConstantExpression(kebab(line.getMethodAsString()));
                    guardName.setSourcePosition(line.getMethod());
                    newArgs.add(guardName);
                    newArgs.addAll(old.subList(from, old.size()));
                    MethodCallExpression guard = new MethodCallExpression(line.getObjectExpression(), "guard",
                            new ArgumentListExpression(newArgs));
                    guard.setImplicitThis(true);
                    guard.setSourcePosition(line);
                    ExpressionStatement replaced = new ExpressionStatement(guard);
                    replaced.setSourcePosition(es);
                    statements.set(i, replaced);
                }
            }
        }

        /** A literal part name must exist, its literal parameters must be declared and valid. */
        private void check(MethodCallExpression call, PartKind kind) {
            if (registry == null) {
                return;
            }
            List<Expression> args = arguments(call);
            MapExpression named = !args.isEmpty() && args.get(0) instanceof MapExpression m ? m : null;
            int at = named == null ? 0 : 1;
            if (args.size() <= at || !(args.get(at) instanceof ConstantExpression c) || !(c.getValue() instanceof String part)) {
                return; // not a literal: checked when the script runs
            }
            if (kind == PartKind.STRATEGY && !registry.names(kind).contains(part) && registry.marketTrading(part).isPresent()) {
                return; // a model only a simulated market trades: the plan checks it against the block's market
            }
            if (!registry.names(kind).contains(part)) {
                Set<String> known = registry.names(kind);
                error("no " + kind.label() + " named '" + part + "'." + Names.suggestion(part, known) + " Known: "
                        + (known.isEmpty() ? "(none)" : String.join(", ", known))
                        + (kind == PartKind.STRATEGY ? "" : "; ./trellis plugins lists every part"), c);
                return;
            }
            PartFactory<?> factory;
            try {
                factory = registry.factory(kind, part);
            } catch (RuntimeException e) {
                error(e.getMessage(), c);
                return;
            }
            List<String> declared = factory.params().stream().map(ParamSpec::name).toList();
            java.util.LinkedHashMap<String, Object> literals = new java.util.LinkedHashMap<>();
            boolean allLiteral = true;
            if (named != null) {
                for (MapEntryExpression entry : named.getMapEntryExpressions()) {
                    if (!(entry.getKeyExpression() instanceof ConstantExpression k)) {
                        allLiteral = false;
                        continue;
                    }
                    String key = String.valueOf(k.getValue());
                    if (!declared.contains(key)) {
                        error("unknown parameter '" + key + "' for " + kind.label() + " '" + part + "'."
                                + Names.suggestion(key, declared) + " It takes: "
                                + (declared.isEmpty() ? "no parameters" : String.join(", ", declared)), entry.getKeyExpression());
                        return;
                    }
                    if (entry.getValueExpression() instanceof ConstantExpression v) {
                        literals.put(key, v.getValue());
                    } else {
                        allLiteral = false;
                    }
                }
            }
            if (args.size() > at + 1) {
                if (declared.isEmpty()) {
                    error(kind.label() + " '" + part + "' takes no parameters", args.get(at + 1));
                    return;
                }
                if (args.get(at + 1) instanceof ConstantExpression v) {
                    literals.put(declared.get(0), v.getValue());
                }
            }
            if (allLiteral) {
                try {
                    registry.effectiveParams(kind, part, Params.of(literals));
                } catch (IllegalArgumentException e) {
                    error(e.getMessage(), call);
                }
            }
        }

        void error(String message, ASTNode at) {
            source.getErrorCollector().addErrorAndContinue(new SyntaxErrorMessage(
                    new SyntaxException(message, at.getLineNumber(), at.getColumnNumber(), at.getLastLineNumber(),
                            at.getLastColumnNumber()), source));
        }
    }

    /** Inside a rule: f.name reads become slot reads, BUY/SELL/HOLD become Side constants. */
    private static final class RuleBody extends ClassCodeExpressionTransformer {
        private final String var;
        private final List<String> names;

        RuleBody(String var, List<String> names) {
            this.var = var;
            this.names = names;
        }

        @Override
        protected SourceUnit getSourceUnit() {
            return null;
        }

        @Override
        public Expression transform(Expression e) {
            if (e instanceof PropertyExpression p && p.getObjectExpression() instanceof VariableExpression v
                    && v.getName().equals(var) && p.getProperty() instanceof ConstantExpression c
                    && c.getValue() instanceof String name && !p.isSafe() && !p.isSpreadSafe()) {
                int slot = names.indexOf(name);
                if (slot < 0) {
                    slot = names.size();
                    names.add(name);
                }
                MethodCallExpression read = new MethodCallExpression(new VariableExpression(var), "get",
                        new ArgumentListExpression(new ConstantExpression(slot, true)));
                read.setImplicitThis(false);
                read.setSourcePosition(p);
                return read;
            }
            if (e instanceof VariableExpression v && SIDES.contains(v.getName())) {
                PropertyExpression side = new PropertyExpression(new ClassExpression(ClassHelper.make(Side.class)), v.getName());
                side.setSourcePosition(v);
                return side;
            }
            if (e instanceof ClosureExpression closure) {
                closure.getCode().visit(this);
                return closure;
            }
            return e == null ? null : e.transformExpression(this);
        }
    }

    static List<Expression> arguments(MethodCallExpression call) {
        if (call.getArguments() instanceof TupleExpression t) {
            return t.getExpressions();
        }
        return List.of(call.getArguments());
    }

    /** maxDrawdown to max-drawdown: method names in Groovy, part names in the plugins' spelling. */
    static String kebab(String camel) {
        StringBuilder sb = new StringBuilder();
        for (char ch : camel.toCharArray()) {
            if (Character.isUpperCase(ch)) {
                sb.append('-').append(Character.toLowerCase(ch));
            } else {
                sb.append(ch);
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }
}

package org.trellis.runtime.dsl;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.MethodNode;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.transform.stc.ExtensionMethodNode;
import org.codehaus.groovy.transform.stc.StaticTypeCheckingVisitor;
import org.codehaus.groovy.transform.stc.TypeCheckingExtension;

/**
 * The script sandbox: scripts are type-checked statically, so every method and constructor a
 * script calls is known at compile time, and this allow-list decides which ones it may call: the
 * DSL's keywords, arithmetic and {@link Math}, numbers, strings, collections, ranges and the GDK's
 * harmless helpers on them. Anything else (System.exit, files, sockets, processes, threads,
 * reflection, class loading, evaluating more code) is a compile error at its position that says
 * how to lift the sandbox ({@code --unsafe-scripts}).
 *
 * <p>Static type checking first, allow-list second: a receiver-based filter alone is not a sandbox,
 * since dynamic calls hide their receivers (DESIGN.md).
 */
public final class SandboxExtension extends TypeCheckingExtension {
    private static final Set<String> CLASSES = Set.of(
            "java.lang.Math", "java.lang.StrictMath", "java.lang.String", "java.lang.CharSequence", "java.lang.Number",
            "java.lang.Integer", "java.lang.Long", "java.lang.Double", "java.lang.Float", "java.lang.Short",
            "java.lang.Byte", "java.lang.Boolean", "java.lang.Character", "java.lang.Comparable", "java.lang.Iterable",
            "java.lang.StringBuilder", "java.lang.Enum",
            "java.math.BigDecimal", "java.math.BigInteger",
            "java.util.List", "java.util.Map", "java.util.Collection", "java.util.Set", "java.util.ArrayList",
            "java.util.LinkedList", "java.util.HashMap", "java.util.LinkedHashMap", "java.util.TreeMap", "java.util.HashSet",
            "java.util.LinkedHashSet", "java.util.Iterator", "java.util.Map$Entry", "java.util.AbstractList",
            "java.util.AbstractMap", "java.util.AbstractCollection",
            "groovy.lang.GString", "groovy.lang.IntRange", "groovy.lang.Range", "groovy.lang.ObjectRange",
            "groovy.lang.Tuple", "groovy.lang.Tuple2", "org.codehaus.groovy.runtime.GStringImpl",
            "org.trellis.api.strategy.Side", "org.trellis.runtime.engine.Sizing");
    /** GDK classes whose methods are helpers on the allowed types; {@link #GDK_DENIED} names the exceptions. */
    private static final Set<String> GDK = Set.of(
            "org.codehaus.groovy.runtime.DefaultGroovyMethods", "org.codehaus.groovy.runtime.StringGroovyMethods",
            "org.codehaus.groovy.runtime.DefaultGroovyStaticMethods");
    private static final Set<String> GDK_PACKAGES = Set.of(
            "org.codehaus.groovy.runtime.typehandling.", "org.codehaus.groovy.runtime.dgmimpl.");
    private static final Set<String> GDK_DENIED = Set.of(
            "invokeMethod", "getMetaClass", "setMetaClass", "metaClass", "getMetaPropertyValues", "getProperties",
            "setProperty", "getProperty", "hasProperty", "respondsTo", "mixin", "use", "sleep", "addShutdownHook",
            "asType", "with", "tap", "identity", "execute", "newInstance", "dump", "start",
            "startDaemon", "withStream", "withReader", "withWriter", "eachLine", "readLines", "getText", "setText",
            "toURL", "toURI");
    private static final Set<String> OBJECT_ALLOWED = Set.of("equals", "hashCode", "toString");
    private static final Set<String> SCRIPT_ALLOWED = Set.of("print", "println", "printf");
    private static final List<Class<?>> DSL = List.of(TrellisScript.class, StrategySpec.class, GuardsSpec.class);

    private final Set<String> keywordMethods = new HashSet<>();

    public SandboxExtension(StaticTypeCheckingVisitor visitor) {
        super(visitor);
        for (Class<?> c : DSL) {
            for (java.lang.reflect.Method m : c.getMethods()) {
                if (Keywords.isKeyword(m)) {
                    keywordMethods.add(c.getName() + "#" + m.getName());
                }
            }
        }
    }

    @Override
    public void onMethodSelection(Expression call, MethodNode target) {
        if (target == null) {
            return;
        }
        // a GDK method shows up as a method of its receiver ('ls'.execute() as String#execute): judge
        // it by the class that really declares it (ProcessGroovyMethods)
        MethodNode real = target instanceof ExtensionMethodNode ext ? ext.getExtensionMethodNode() : target;
        ClassNode owner = real.getDeclaringClass();
        String name = real.getName();
        if (!allowed(owner, name, real)) {
            addStaticTypeError("not allowed in a strategy script: " + simple(owner.getName()) + "." + name
                    + " (scripts may use the DSL, arithmetic, Math, numbers, strings and collections; "
                    + "run with --unsafe-scripts to lift the sandbox)", call);
        }
    }

    private boolean allowed(ClassNode owner, String method, MethodNode target) {
        String type = owner.getName();
        if (owner.getModule() != null && owner.getModule().getContext() != null) {
            return true; // declared in the script itself: its body is checked like the rest
        }
        if (keywordMethods.contains(type + "#" + method)) {
            return true;
        }
        if (type.equals(Features.class.getName())) {
            return method.equals("get");
        }
        if (type.equals("groovy.lang.Script")) {
            return SCRIPT_ALLOWED.contains(method);
        }
        if (type.equals("java.lang.Object")) {
            return OBJECT_ALLOWED.contains(method);
        }
        if (type.equals("groovy.lang.Closure")) {
            return method.equals("call");
        }
        if (CLASSES.contains(type)) {
            return !method.equals("getClass") && !method.equals("forName");
        }
        if (GDK.contains(type) || GDK_PACKAGES.stream().anyMatch(type::startsWith)) {
            return !GDK_DENIED.contains(method) && !(isSubscript(method) && onAnyObject(target));
        }
        return false;
    }

    private static boolean isSubscript(String method) {
        return method.equals("getAt") || method.equals("putAt");
    }

    /** obj['name'] on any object reads or writes a property by name at run time: the one dynamic subscript. */
    private static boolean onAnyObject(MethodNode target) {
        return target.getParameters().length > 0 && target.getParameters()[0].getType().getName().equals("java.lang.Object");
    }

    /**
     * Subscripts are not always method calls the checker reports: {@code obj['name']} on most types
     * reads a property by a name known only at run time. Subscripts are allowed on lists, maps,
     * arrays and, with a number or range, on strings.
     */
    @Override
    public void afterVisitMethod(MethodNode node) {
        if (node.getCode() == null) {
            return;
        }
        node.getCode().visit(new org.codehaus.groovy.ast.CodeVisitorSupport() {
            @Override
            public void visitBinaryExpression(org.codehaus.groovy.ast.expr.BinaryExpression b) {
                super.visitBinaryExpression(b);
                int op = b.getOperation().getType();
                if (op == org.codehaus.groovy.syntax.Types.LEFT_SQUARE_BRACKET
                        && !subscriptAllowed(getType(b.getLeftExpression()), getType(b.getRightExpression()))) {
                    refuse("a [subscript] on " + simple(getType(b.getLeftExpression()).getName())
                            + " (subscripts work on lists, maps, arrays and strings)", b);
                }
                // a property assignment calls a setter the method check never sees: x.text = ..., System.properties = ...
                if (org.codehaus.groovy.syntax.Types.isAssignment(op)
                        && b.getLeftExpression() instanceof org.codehaus.groovy.ast.expr.PropertyExpression p
                        && !(b instanceof org.codehaus.groovy.ast.expr.DeclarationExpression)) {
                    ClassNode owner = p.getObjectExpression() instanceof org.codehaus.groovy.ast.expr.ClassExpression c
                            ? c.getType() : getType(p.getObjectExpression());
                    if (!assignable(owner)) {
                        refuse("setting " + p.getPropertyAsString() + " on " + simple(owner.getName()), b);
                    }
                }
            }

            @Override
            public void visitMethodPointerExpression(org.codehaus.groovy.ast.expr.MethodPointerExpression e) {
                // .& and :: make a callable of any method, which the method check cannot follow
                refuse("method pointers and references (.& and ::)", e);
            }

            @Override
            public void visitCastExpression(org.codehaus.groovy.ast.expr.CastExpression e) {
                super.visitCastExpression(e);
                if (!castAllowed(e.getType())) {
                    refuse("converting to " + simple(e.getType().getName()) + " (as/cast to " + simple(e.getType().getName()) + ")", e);
                }
            }
        });
    }

    private void refuse(String what, org.codehaus.groovy.ast.ASTNode at) {
        addStaticTypeError("not allowed in a strategy script: " + what + " (scripts may use the DSL, arithmetic, Math, numbers, "
                + "strings and collections; run with --unsafe-scripts to lift the sandbox)", at);
    }

    /** Properties may be set on maps and on what the script itself declares. */
    private static boolean assignable(ClassNode owner) {
        return owner != null && (implementsAny(owner, "java.util.Map")
                || (owner.getModule() != null && owner.getModule().getContext() != null));
    }

    /** Casts and {@code as} only to numbers, strings, collections, Side and the primitive types. */
    private static boolean castAllowed(ClassNode type) {
        ClassNode t = type.isArray() ? type.getComponentType() : type;
        return org.codehaus.groovy.ast.ClassHelper.isPrimitiveType(t) || org.codehaus.groovy.ast.ClassHelper.isNumberType(t)
                || CLASSES.contains(t.getName()) || t.getName().equals("java.lang.Object")
                || t.getName().equals(Features.class.getName()) || t.getName().equals(RuleFunction.class.getName());
    }

    private static boolean subscriptAllowed(ClassNode target, ClassNode index) {
        if (target == null) {
            return false;
        }
        if (target.isArray() || implementsAny(target, "java.util.List", "java.util.Map", "java.util.Collection")) {
            return true;
        }
        if (implementsAny(target, "java.lang.CharSequence", "groovy.lang.GString")) {
            return index != null && (org.codehaus.groovy.ast.ClassHelper.isNumberType(index)
                    || implementsAny(index, "groovy.lang.Range", "java.util.Collection"));
        }
        return false;
    }

    private static boolean implementsAny(ClassNode type, String... names) {
        for (String n : names) {
            if (type.getName().equals(n) || type.implementsInterface(org.codehaus.groovy.ast.ClassHelper.make(n))
                    || type.isDerivedFrom(org.codehaus.groovy.ast.ClassHelper.make(n))) {
                return true;
            }
        }
        return false;
    }

    private static String simple(String type) {
        int dot = type.lastIndexOf('.');
        return dot < 0 ? type : type.substring(dot + 1);
    }
}

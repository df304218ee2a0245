package org.veristep.math;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Prints an {@link Expr} as a canonical LaTeX-style string that {@link MathParser} reads back to an
 * equal tree: {@code MathParser.parse(MathPrinter.print(e)).equals(e)} for every tree the parser
 * produces. Parentheses appear only where precedence needs them; multiplication is printed as
 * {@code *}, items of a bare list are separated by {@code "; "} (never read as a thousands
 * separator).
 */
public final class MathPrinter {
    private static final Set<String> LATEX_FUNCTIONS = Set.of(
            "sin", "cos", "tan", "sec", "csc", "cot", "arcsin", "arccos", "arctan", "sinh", "cosh", "tanh", "ln",
            "log");
    private static final Set<String> GREEK = MathParser.GREEK;

    private static final int SEQ = 0;
    private static final int REL = 1;
    private static final int UNION = 2;
    private static final int ADD = 3;
    private static final int MUL = 4;
    private static final int NEG = 5;
    private static final int POW = 6;
    private static final int POSTFIX = 7;
    private static final int ATOM = 8;

    private MathPrinter() {}

    /** {@return the canonical string of {@code e}} */
    public static String print(Expr e) {
        StringBuilder b = new StringBuilder();
        print(e, SEQ, b);
        return b.toString();
    }

    private static int precedence(Expr e) {
        return switch (e) {
            case Expr.Seq s -> SEQ;
            case Expr.Relation r -> REL;
            case Expr.Union u -> UNION;
            case Expr.PlusMinus p -> ADD;
            case Expr.Binary b ->
                switch (b.op()) {
                    case ADD, SUB -> ADD;
                    case MUL, DIV, RATIO -> MUL;
                    case POW -> POW;
                };
            case Expr.Neg n -> NEG;
            case Expr.Percent p -> POSTFIX;
            case Expr.Func f -> f.name().equals("factorial") ? POSTFIX : ATOM;
            default -> ATOM;
        };
    }

    private static void print(Expr e, int min, StringBuilder b) {
        boolean paren = precedence(e) < min;
        if (paren) b.append('(');
        switch (e) {
            case Expr.Num n -> b.append(number(n));
            case Expr.Var v -> b.append(variable(v.name()));
            case Expr.Const c ->
                b.append(
                        switch (c.kind()) {
                            case PI -> "\\pi";
                            case E -> "\\mathrm{e}";
                            case INFINITY -> "\\infty";
                        });
            case Expr.Neg n -> {
                b.append('-');
                print(n.operand(), NEG, b);
            }
            case Expr.Binary bin -> binary(bin, b);
            case Expr.PlusMinus pm -> {
                print(pm.left(), ADD, b);
                b.append(" \\pm ");
                print(pm.right(), MUL, b);
            }
            case Expr.Func f -> function(f, b);
            case Expr.Percent p -> {
                print(p.operand(), ATOM, b);
                b.append("\\%");
            }
            case Expr.Tuple t -> list("(", t.items(), ", ", ")", b);
            case Expr.Interval iv -> {
                b.append(iv.lowClosed() ? '[' : '(');
                print(iv.low(), REL, b);
                b.append(", ");
                print(iv.high(), REL, b);
                b.append(iv.highClosed() ? ']' : ')');
            }
            case Expr.SetOf s -> list("\\{", s.items(), ", ", "\\}", b);
            case Expr.Union u -> {
                for (int i = 0; i < u.parts().size(); i++) {
                    if (i > 0) b.append(" \\cup ");
                    print(u.parts().get(i), ADD, b);
                }
            }
            case Expr.Seq s -> list("", s.items(), "; ", "", b);
            case Expr.Matrix m -> {
                b.append("\\begin{pmatrix}");
                b.append(m.rows().stream()
                        .map(r -> r.stream()
                                .map(x -> {
                                    StringBuilder c = new StringBuilder();
                                    print(x, REL, c);
                                    return c.toString();
                                })
                                .collect(Collectors.joining(" & ")))
                        .collect(Collectors.joining(" \\\\ ")));
                b.append("\\end{pmatrix}");
            }
            case Expr.Relation r -> {
                for (int i = 0; i < r.operands().size(); i++) {
                    if (i > 0) b.append(' ').append(r.ops().get(i - 1).latex()).append(' ');
                    print(r.operands().get(i), UNION, b);
                }
            }
            case Expr.Text t -> b.append("\\text{").append(t.text()).append('}');
        }
        if (paren) b.append(')');
    }

    private static void binary(Expr.Binary e, StringBuilder b) {
        switch (e.op()) {
            case ADD, SUB, MUL, DIV, RATIO -> {
                // a flat chain (a left spine of one precedence level) is printed in a loop
                int level = precedence(e);
                List<Expr.Binary> chain = new java.util.ArrayList<>();
                Expr x = e;
                while (x instanceof Expr.Binary xb && xb.op() != Expr.Binary.Op.POW && precedence(xb) == level) {
                    chain.add(xb);
                    x = xb.left();
                }
                print(x, level, b);
                for (int i = chain.size() - 1; i >= 0; i--) {
                    Expr.Binary n = chain.get(i);
                    b.append(
                            switch (n.op()) {
                                case ADD -> " + ";
                                case SUB -> " - ";
                                case MUL -> "*";
                                case DIV -> "/";
                                default -> ":";
                            });
                    print(n.right(), level == ADD ? MUL : NEG, b);
                }
            }
            case POW -> {
                print(e.left(), POSTFIX, b);
                b.append("^{");
                print(e.right(), REL, b);
                b.append('}');
            }
        }
    }

    private static void function(Expr.Func f, StringBuilder b) {
        List<Expr> a = f.args();
        switch (f.name()) {
            case "sqrt" -> {
                b.append("\\sqrt{");
                print(a.getFirst(), REL, b);
                b.append('}');
            }
            case "root" -> {
                b.append("\\sqrt[");
                print(a.get(1), ADD, b);
                b.append("]{");
                print(a.getFirst(), REL, b);
                b.append('}');
            }
            case "binom" -> {
                b.append("\\binom{");
                print(a.get(0), REL, b);
                b.append("}{");
                print(a.get(1), REL, b);
                b.append('}');
            }
            case "factorial" -> {
                print(a.getFirst(), ATOM, b);
                b.append('!');
            }
            case "log" -> {
                b.append("\\log");
                if (a.size() == 2) {
                    b.append("_{");
                    print(a.get(1), REL, b);
                    b.append('}');
                }
                b.append('(');
                print(a.getFirst(), REL, b);
                b.append(')');
            }
            default -> {
                if (LATEX_FUNCTIONS.contains(f.name())) b.append('\\');
                list(f.name() + "(", a, ", ", ")", b);
            }
        }
    }

    private static void list(String open, List<Expr> items, String sep, String close, StringBuilder b) {
        b.append(open);
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) b.append(sep);
            print(items.get(i), REL, b);
        }
        b.append(close);
    }

    private static String number(Expr.Num n) {
        if (n.decimals() >= 0) return n.value().toDecimal(n.decimals()).toPlainString();
        if (n.value().isInteger()) return n.value().numerator().toString();
        return "(" + n.value().numerator() + "/" + n.value().denominator() + ")";
    }

    private static String variable(String name) {
        int u = name.indexOf('_');
        String head = u < 0 ? name : name.substring(0, u);
        String prime = "";
        while (head.endsWith("'")) {
            prime += "'";
            head = head.substring(0, head.length() - 1);
        }
        String out = GREEK.contains(head) ? "\\" + head + (u < 0 ? " " : "") : head;
        if (u >= 0) out += "_{" + name.substring(u + 1) + "}";
        return out + prime;
    }
}

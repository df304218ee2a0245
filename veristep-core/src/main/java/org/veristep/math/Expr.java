package org.veristep.math;

import java.util.List;
import java.util.Objects;

/**
 * A parsed answer or arithmetic expression: a closed set of immutable node records produced by
 * {@link MathParser}, evaluated by {@link Evaluator} and printed by {@link MathPrinter}. Structural
 * equality ({@code equals}) is the records' field equality; mathematical equality is the business
 * of {@link Evaluator} and the grading package.
 */
public sealed interface Expr
        permits Expr.Num,
                Expr.Var,
                Expr.Const,
                Expr.Neg,
                Expr.Binary,
                Expr.PlusMinus,
                Expr.Func,
                Expr.Percent,
                Expr.Tuple,
                Expr.Interval,
                Expr.SetOf,
                Expr.Union,
                Expr.Seq,
                Expr.Matrix,
                Expr.Relation,
                Expr.Text {

    /**
     * A non-negative number literal.
     *
     * @param value exact value ({@code 0.25} is exactly 1/4)
     * @param decimals digits written after the decimal point ({@code "2.50"} has 2), or -1 when the
     *     literal was an integer; used to match decimals to the precision shown
     */
    record Num(BigRational value, int decimals) implements Expr {
        public Num {
            Objects.requireNonNull(value, "value");
            if (decimals < -1) throw new IllegalArgumentException("decimals < -1: " + decimals);
        }

        /** {@return an exact integer literal} */
        public static Num of(long n) {
            return new Num(BigRational.of(n), -1);
        }
    }

    /**
     * A variable: a letter, a Greek letter name ({@code "alpha"}), possibly with a subscript
     * ({@code "x_1"}, {@code "a_{37}"} is named {@code "a_37"}).
     */
    record Var(String name) implements Expr {
        public Var {
            Objects.requireNonNull(name, "name");
        }
    }

    /** A named constant. */
    record Const(Kind kind) implements Expr {
        public Const {
            Objects.requireNonNull(kind, "kind");
        }

        /** The constants the parser knows. */
        public enum Kind {
            /** π, from {@code \pi}, {@code pi}, {@code π} */
            PI,
            /**
             * Euler's number, from {@code \mathrm{e}} or {@code \exp}; the parser reads a bare {@code e}
             * as a variable, which answer grading reads as this constant unless the answer is about a
             * variable named e (see {@code org.veristep.grading.AnswerGrader})
             */
            E,
            /** ∞, from {@code \infty}, {@code inf}, {@code ∞} */
            INFINITY
        }
    }

    /** Unary minus. */
    record Neg(Expr operand) implements Expr {
        public Neg {
            Objects.requireNonNull(operand, "operand");
        }
    }

    /**
     * A binary arithmetic operation. A flat chain {@code a + b - c + ...} of n terms parses
     * left-associatively into a <em>left spine</em> of n-1 nodes ({@code ((a + b) - c) + ...}), so a
     * tree may be as deep as its input is long (a sum of 100,000 terms is 99,999 nodes deep) while its
     * genuine nesting (brackets, powers, signs, functions) stays within {@link Budget#maxDepth()}.
     * Every walker of the package therefore follows left spines iteratively ({@link #leftSpine()})
     * and recurses only into right operands and other nodes; {@code equals}, {@code hashCode} and
     * {@code toString} do the same (they agree with the record defaults' meaning: field equality).
     */
    record Binary(Op op, Expr left, Expr right) implements Expr {
        public Binary {
            Objects.requireNonNull(op, "op");
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }

        /**
         * {@return the nodes of this node's left spine, top first}: this node, its left operand when
         * that is a {@link Binary}, the left operand of that, and so on; the last node's left operand
         * is not a {@link Binary}. Iterative, in time and memory linear in the spine's length.
         */
        public List<Binary> leftSpine() {
            List<Binary> spine = new java.util.ArrayList<>();
            Expr e = this;
            while (e instanceof Binary b) {
                spine.add(b);
                e = b.left();
            }
            return spine;
        }

        @Override
        public boolean equals(Object o) {
            if (this == o) return true;
            Expr x = this;
            Object y = o;
            // walk both left spines together; right operands are compared recursively
            while (x instanceof Binary bx) {
                if (!(y instanceof Binary by)) return false;
                if (bx == by) return true;
                if (bx.op != by.op || !bx.right.equals(by.right)) return false;
                x = bx.left;
                y = by.left;
            }
            return !(y instanceof Binary) && x.equals(y);
        }

        @Override
        public int hashCode() {
            int h = 0;
            Expr x = this;
            for (; x instanceof Binary b; x = b.left) h = (31 * h + b.op.hashCode()) * 31 + b.right.hashCode();
            return 31 * h + x.hashCode();
        }

        @Override
        public String toString() {
            List<Binary> spine = leftSpine();
            StringBuilder sb = new StringBuilder();
            for (Binary b : spine) sb.append("Binary[op=").append(b.op).append(", left=");
            sb.append(spine.getLast().left);
            for (int i = spine.size() - 1; i >= 0; i--) {
                sb.append(", right=").append(spine.get(i).right).append(']');
            }
            return sb.toString();
        }

        /** The binary operators; RATIO ({@code a:b}) evaluates like DIV but prints as a colon. */
        public enum Op {
            ADD,
            SUB,
            MUL,
            DIV,
            POW,
            RATIO
        }
    }

    /** {@code left ± right}: the two values {@code left + right} and {@code left - right}. */
    record PlusMinus(Expr left, Expr right) implements Expr {
        public PlusMinus {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }
    }

    /**
     * A function application. Names and arities: {@code sqrt}(x), {@code root}(x, n) the n-th root,
     * {@code sin cos tan sec csc cot arcsin arccos arctan sinh cosh tanh ln exp abs floor ceil}(x),
     * {@code log}(x) (natural log, as sympy and Math-Verify read it) or {@code log}(x, base),
     * {@code factorial}(n), {@code binom}(n, k).
     */
    record Func(String name, List<Expr> args) implements Expr {
        public Func {
            Objects.requireNonNull(name, "name");
            args = List.copyOf(args);
        }
    }

    /** {@code operand %}: the value operand / 100 (the grading package documents when % is decoration). */
    record Percent(Expr operand) implements Expr {
        public Percent {
            Objects.requireNonNull(operand, "operand");
        }
    }

    /** An ordered tuple {@code (a, b, ...)} of at least two items (also an open interval's notation). */
    record Tuple(List<Expr> items) implements Expr {
        public Tuple {
            items = List.copyOf(items);
        }
    }

    /** An interval with open or closed ends; {@code (a, b)} parses as a {@link Tuple}. */
    record Interval(Expr low, Expr high, boolean lowClosed, boolean highClosed) implements Expr {
        public Interval {
            Objects.requireNonNull(low, "low");
            Objects.requireNonNull(high, "high");
        }
    }

    /** A set {@code \{a, b, ...\}} (or {@code {a, b}} with a comma). */
    record SetOf(List<Expr> items) implements Expr {
        public SetOf {
            items = List.copyOf(items);
        }
    }

    /** A union {@code A \cup B \cup ...} of at least two parts. */
    record Union(List<Expr> parts) implements Expr {
        public Union {
            parts = List.copyOf(parts);
        }
    }

    /**
     * A bare list of at least two answers, separated by commas, semicolons, "and" or "or" outside any
     * bracket ({@code 1, 2, 3}).
     */
    record Seq(List<Expr> items) implements Expr {
        public Seq {
            items = List.copyOf(items);
        }
    }

    /** A matrix, indexed [row][column]; every row has the same length. */
    record Matrix(List<List<Expr>> rows) implements Expr {
        public Matrix {
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    /**
     * A chain of relations {@code operands[0] ops[0] operands[1] ops[1] ...}, e.g. {@code x = 3},
     * {@code 1 < x \le 2}; {@code ops.size() == operands.size() - 1}.
     */
    record Relation(List<Expr> operands, List<Rel> ops) implements Expr {
        public Relation {
            operands = List.copyOf(operands);
            ops = List.copyOf(ops);
            if (ops.size() != operands.size() - 1 || ops.isEmpty()) {
                throw new IllegalArgumentException("a relation needs n operands and n-1 >= 1 operators");
            }
        }

        /** The relation operators. */
        public enum Rel {
            EQ("="),
            NE("\\neq"),
            LT("<"),
            LE("\\le"),
            GT(">"),
            GE("\\ge"),
            APPROX("\\approx"),
            IN("\\in");

            private final String latex;

            Rel(String latex) {
                this.latex = latex;
            }

            /** {@return the LaTeX spelling} */
            public String latex() {
                return latex;
            }
        }
    }

    /** Text: the content of {@code \text{...}} and similar, trimmed. */
    record Text(String text) implements Expr {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }
}

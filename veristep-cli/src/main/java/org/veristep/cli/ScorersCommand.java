package org.veristep.cli;

import java.util.Map;
import org.veristep.score.StepScorerProvider;
import org.veristep.score.StepScorers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code veristep scorers}: lists the registered step scorers and their options. */
@Command(name = "scorers", mixinStandardHelpOptions = true, description = "List the step scorers and their options.")
final class ScorersCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        var out = spec.commandLine().getOut();
        for (StepScorerProvider p : StepScorers.providers().values()) {
            out.printf("%-14s %s%n", p.name(), p.description());
            for (Map.Entry<String, String> o : p.options().entrySet()) {
                out.printf("    %-18s %s%n", o.getKey(), o.getValue());
            }
        }
        out.printf("%-14s %s%n", "composite:AGG:a,b", "combine scorers step by step: AGG = min (a veto) or product,");
        out.printf("    %-18s %s%n", "", "e.g. composite:min:symbolic,file; options go to every component that");
        out.printf("    %-18s %s%n", "", "supports them, a.key=value to component a only");
    }
}

using InclusionModel.Programs;
using NodaTime;

namespace InclusionModel.Docs.Samples;

public static class ProgramDefinitionSample
{
    public static IReadOnlyList<string> Run()
    {
        var lines = new List<string>();

        // In code: the builder gives the same immutable, checked model as a JSON file.
        var steget = ProgramDefinition.Builder("orebro-steget", "Steget")
            .WithOwner("Örebro kommun, arbetsmarknadsförvaltningen")
            .WithMunicipalities(["Örebro"])
            .WithPeriod(new ProgramPeriod(
                Planning: new DateRange(new LocalDate(2026, 7, 1), new LocalDate(2026, 12, 31)),
                Implementation: new DateRange(new LocalDate(2027, 1, 1), new LocalDate(2028, 12, 31)),
                Closing: null))
            .WithPlaces(40)
            .WithTargetGroup(new TargetGroup(
            [
                new TargetGroupRule(TargetGroupRules.ResidesInMunicipality),
                new TargetGroupRule(TargetGroupRules.WorkingAge),
                new TargetGroupRule(TargetGroupRules.LongTermSocialAssistance, Months: 9, OfMonths: 12),
            ]))
            .AddPhase("mapping", maximumMonths: 2)
            .AddPhase("internship", minimumMonths: 3, maximumMonths: 6, maxStudyDaysPerWeek: 2)
            .AddGoal(new Goal("into-work", GoalQuantity.ExitsIntoWork, 20))
            .AddReport(new ReportDuty(ReportKind.MonthlySummary, DaysToSubmit: 15))
            .Build();

        // The program's own lifecycle answers "may it enrol on D?" and "which reports are due?".
        lines.Add($"stage on 2026-12-01: {steget.Schedule.StageOn(new LocalDate(2026, 12, 1))}");
        lines.Add($"may enrol on 2027-01-01: {steget.Schedule.MayEnrol(new LocalDate(2027, 1, 1))}");
        foreach (var report in steget.Schedule.ReportsDueBy(new LocalDate(2027, 3, 31)).Due)
        {
            lines.Add($"{report.Kind} for {report.Covers} due {report.DueOn:yyyy-MM-dd}");
        }

        // From JSON: every problem comes back at once, each with its path and line.
        var loaded = ProgramDefinitionJson.Parse("""
            {
              "id": "orebro-steget",
              "name": "Steget",
              "places": 0,
              "phases": [ { "id": "mapping", "minimumMonths": 3, "maximumMonths": 2 } ]
            }
            """);
        foreach (var problem in loaded.Problems)
        {
            lines.Add(problem.ToString());
        }

        // Ask for an exception instead, listing them all.
        try
        {
            loaded.GetValueOrThrow();
        }
        catch (InvalidProgramDefinitionException e)
        {
            lines.Add($"{e.ProgramId}: {e.Problems.Length} problems");
        }

        return lines;
    }
}

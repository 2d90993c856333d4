using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InclusionModel.Histories;
using InclusionModel.Lifecycle;
using InclusionModel.Testing;
using InclusionModel.Validation;

namespace InclusionModel.Tests.Lifecycle;

/// <summary>
/// The compiled transition table (used by the validator) and the Stateless definition (used by
/// <see cref="ProgramLifecycle.CheckTransition"/>) must agree on every step of every history.
/// </summary>
public class StatelessAgreementTest
{
    private static readonly HistoryValidator Validator = new();

    private static readonly ValidationRule[] GuardRules =
        [ValidationRule.OutsideEnrolmentWindow, ValidationRule.CapacityExceeded, ValidationRule.PhaseMinDuration, ValidationRule.CompletedTooEarly, ValidationRule.StudyDaysExceeded];

    public static Arbitrary<GeneratedHistory> ShuffledHistories()
        => Arb.From(
            from generated in HistoryGenerators.ValidHistory()
            from seed in Gen.Choose(0, 1000)
            select seed % 3 == 0 ? generated : generated with { History = Scramble(generated.History, seed) });

    [Property(Arbitrary = [typeof(StatelessAgreementTest)], MaxTest = 500)]
    public Property EveryStep_TableAndStateless_Agree(GeneratedHistory generated)
    {
        var lifecycle = generated.Program.Lifecycle;
        var violations = Validator.Validate(generated.History, generated.AsOf).Violations;
        var status = ParticipantStatus.Initial;
        var problems = new List<string>();
        var events = generated.History.Events;
        for (int i = 0; i < events.Length; i++)
        {
            var e = events[i];
            if (lifecycle.TriggerOf(e) is not { } trigger)
            {
                continue;
            }

            var table = lifecycle.TargetOf(status.State, trigger);
            var check = lifecycle.CheckTransition(status, trigger, e.On, studyDaysPerWeek: e.StudyDaysPerWeek);
            var guardViolations = violations.Where(v => v.EventIndex == i && GuardRules.Contains(v.Rule)).Select(v => v.Rule).Order().ToArray();
            var reasons = check.Reasons.Select(r => r.Rule).Order().ToArray();

            if (check.IsAllowed && (table != check.Target || guardViolations.Length > 0))
            {
                problems.Add($"event {i}: Stateless allows {trigger} to {check.Target}, table says {table}, validator found [{string.Join(", ", guardViolations)}]");
            }
            else if (!check.IsAllowed && table is null && reasons.Except([ValidationRule.TransitionNotAllowed, ValidationRule.PhaseOrder]).Any())
            {
                problems.Add($"event {i}: table has no {trigger} from {status.State} but Stateless names guards [{string.Join(", ", reasons)}]");
            }
            else if (!check.IsAllowed && table is not null && !reasons.SequenceEqual(guardViolations))
            {
                problems.Add($"event {i}: Stateless refuses {trigger} for [{string.Join(", ", reasons)}], validator found [{string.Join(", ", guardViolations)}]");
            }

            if (table is not null)
            {
                status = lifecycle.Apply(status, trigger, e.On);
            }
        }

        return (problems.Count == 0).Label(string.Join(Environment.NewLine, problems));
    }

    /// <summary>Swaps some events, so that refused moves and guards are exercised too; dates stay in order.</summary>
    private static ParticipantHistory Scramble(ParticipantHistory history, int seed)
    {
        var random = new Random(seed);
        var events = history.Events.ToArray();
        for (int n = 0; n < 1 + (events.Length / 4); n++)
        {
            int a = random.Next(events.Length), b = random.Next(events.Length);
            (events[a], events[b]) = (events[b].WithDate(events[a].On), events[a].WithDate(events[b].On));
        }

        return history.WithEvents(events);
    }
}

using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InclusionModel.Contract;
using InclusionModel.Histories;
using InclusionModel.Lifecycle;
using InclusionModel.Testing;
using InclusionModel.Validation;
using NodaTime;

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
        // The third party: phase-min-duration worked out from the contract (§3) by NodaTime's Period, with the
        // phase's start and paused days kept here, so that a shared mistake of both sides shows.
        LocalDate phaseStart = default, pausedOn = default;
        int pausedDays = 0, minimumChecks = 0;
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

            if (table is not null && status.State.Kind == StateKind.Phase && trigger.Kind == TriggerKind.PhaseStarted
                && generated.Program.Phases[status.State.PhaseIndex].MinimumMonths is { } minimum)
            {
                minimumChecks++;
                bool below = e.On.PlusDays(-pausedDays) < phaseStart.Plus(Period.FromMonths(minimum));
                if (below != reasons.Contains(ValidationRule.PhaseMinDuration) || below != guardViolations.Contains(ValidationRule.PhaseMinDuration))
                {
                    problems.Add($"event {i}: {(below ? "below" : "not below")} the minimum of {minimum} months from {phaseStart} net of {pausedDays} paused days, Stateless names [{string.Join(", ", reasons)}], validator found [{string.Join(", ", guardViolations)}]");
                }
            }

            if (table is not null)
            {
                if (trigger.Kind == TriggerKind.PhaseStarted)
                {
                    (phaseStart, pausedDays) = (e.On, 0);
                }
                else if (trigger.Kind == TriggerKind.Paused)
                {
                    pausedOn = e.On;
                }
                else if (trigger.Kind == TriggerKind.Resumed)
                {
                    pausedDays += Period.Between(pausedOn, e.On, PeriodUnits.Days).Days;
                }

                status = lifecycle.Apply(status, trigger, e.On);
            }
        }

        return (problems.Count == 0).Label(string.Join(Environment.NewLine, problems))
            .Classify(minimumChecks > 0, "a minimum duration checked");
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

using System.Globalization;
using System.Security;
using System.Text;
using InclusionModel.Contract;
using InclusionModel.Histories;
using InclusionModel.Programs;

namespace InclusionModel.Reports;

/// <summary>
/// Draws a report's goals as an SVG chart, by the library itself (no external service): for each goal a
/// bar of what is reached, the projection's 90 % range and its expected value, and the target.
/// </summary>
public static class GoalChart
{
    private const int Width = 760;
    private const int Left = 170;
    private const int Right = 40;
    private const int RowHeight = 64;
    private const int Top = 56;

    /// <summary>The chart of <paramref name="report"/>'s goals as an SVG document.</summary>
    /// <param name="report">The report.</param>
    /// <param name="programName">The program's name, for the title.</param>
    /// <returns>The SVG text.</returns>
    public static string ToSvg(ProgramReport report, string programName) => ToSvg(report, programName, ReportOptions.Internal);

    /// <summary>
    /// The chart of <paramref name="report"/>'s goals as an SVG document, as <paramref name="options"/> shows them: in
    /// publication mode each goal as published (from the perturbed counts), and a suppressed goal with its target
    /// only and <c>..</c> for its value and status.
    /// </summary>
    /// <param name="report">The report.</param>
    /// <param name="programName">The program's name, for the title.</param>
    /// <param name="options">The options (publication or not).</param>
    /// <returns>The SVG text.</returns>
    public static string ToSvg(ProgramReport report, string programName, ReportOptions options)
        => ToSvg(report, Preconditions.CheckNotNull(programName), null, options);

    /// <summary>
    /// The chart of <paramref name="report"/>'s goals as <see cref="ToSvg(ProgramReport, string, ReportOptions)"/> draws it,
    /// with the program's own names for its goals where its definition gives them, in the current UI culture.
    /// </summary>
    /// <param name="report">The report.</param>
    /// <param name="program">The program the report is of: its name for the title, its goal names.</param>
    /// <param name="options">The options (publication or not).</param>
    /// <returns>The SVG text.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static string ToSvg(ProgramReport report, ProgramDefinition program, ReportOptions options)
        => ToSvg(report, Preconditions.CheckNotNull(program).Name, program, options);

    private static string ToSvg(ProgramReport report, string programName, ProgramDefinition? program, ReportOptions options)
    {
        Preconditions.CheckNotNull(report);
        Preconditions.CheckNotNull(options);
        var published = options.Publication ? ReportMasking.Publish(report, options.MinCell) : null;
        int height = Top + (Math.Max(report.Goals.Length, 1) * RowHeight) + 54;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{height}\" viewBox=\"0 0 {Width} {height}\" font-family=\"sans-serif\" font-size=\"13\">\n");
        svg.Append(CultureInfo.InvariantCulture, $"  <title>{Escape(Texts.Format("chart.title", programName, Texts.Date(report.Period.To)))}</title>\n");
        svg.Append("  <rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"  <text x=\"16\" y=\"28\" font-size=\"16\" font-weight=\"bold\">{Escape(Texts.Format("chart.title", programName, Texts.Date(report.Period.To)))}</text>\n");
        if (options.Publication)
        {
            svg.Append(CultureInfo.InvariantCulture, $"  <text x=\"16\" y=\"46\" fill=\"#444444\" font-size=\"11\">{Escape(Texts.Get("chart.publication"))}</text>\n");
        }

        if (report.Goals.IsEmpty)
        {
            svg.Append(CultureInfo.InvariantCulture, $"  <text x=\"16\" y=\"{Top + 20}\">{Escape(Texts.Get("chart.no-goal"))}</text>\n");
        }

        for (int i = 0; i < report.Goals.Length; i++)
        {
            var exact = report.Goals[i];
            var shown = published is null ? exact : published.Goals[exact.Id];
            bool masked = shown is null;
            var goal = shown ?? exact with { Actual = 0, Status = GoalStatus.OnTrack, Projection = null }; // nothing of a suppressed goal is drawn
            int y = Top + (i * RowHeight);
            bool share = goal.Quantity == GoalQuantity.WomenShare;
            decimal max = share ? 1m : Math.Max(Math.Max(goal.Target, goal.Actual), goal.Projection?.High ?? 0) * 1.1m;
            double X(decimal value) => Left + ((double)(max == 0 ? 0 : Math.Min(value, max) / max) * (Width - Left - Right));
            string Value(decimal v) => ReportWriter.GoalValue(goal, v);
            string status = masked ? ReportWriter.Masked : Escape(ReportWriter.StatusName(goal));
            string colour = masked ? "#757575" : goal.Status switch { GoalStatus.Met => "#2e7d32", GoalStatus.OnTrack => "#1565c0", GoalStatus.AtRisk => "#ef6c00", _ => "#c62828" };

            svg.Append(CultureInfo.InvariantCulture, $"  <g class=\"goal\" id=\"goal-{Escape(goal.Id)}\">\n");
            svg.Append(CultureInfo.InvariantCulture, $"    <text x=\"16\" y=\"{y + 20}\" font-weight=\"bold\">{Escape(ReportWriter.GoalName(program, goal.Id))}</text>\n");
            svg.Append(CultureInfo.InvariantCulture, $"    <text x=\"16\" y=\"{y + 38}\" fill=\"{colour}\">{status}</text>\n");
            svg.Append(CultureInfo.InvariantCulture, $"    <rect x=\"{Left}\" y=\"{y + 8}\" width=\"{Width - Left - Right}\" height=\"24\" fill=\"#eeeeee\"/>\n");
            if (goal.Projection is { } p)
            {
                svg.Append(CultureInfo.InvariantCulture, $"    <rect class=\"projection\" x=\"{X(p.Low):0.#}\" y=\"{y + 8}\" width=\"{Math.Max(1, X(p.High) - X(p.Low)):0.#}\" height=\"24\" fill=\"{colour}\" fill-opacity=\"0.2\"><title>{Escape(Texts.Format("chart.projection", Value(p.Expected), ReportWriter.RangeLow(goal, p.Low), Value(p.High), IsoDates.Format(p.By)))}</title></rect>\n");
                svg.Append(CultureInfo.InvariantCulture, $"    <line class=\"expected\" x1=\"{X(p.Expected):0.#}\" x2=\"{X(p.Expected):0.#}\" y1=\"{y + 8}\" y2=\"{y + 32}\" stroke=\"{colour}\" stroke-dasharray=\"3,2\"/>\n");
            }

            string actual = masked ? ReportWriter.Masked : Value(goal.Actual);
            svg.Append(CultureInfo.InvariantCulture, $"    <rect class=\"actual\" x=\"{Left}\" y=\"{y + 12}\" width=\"{X(goal.Actual) - Left:0.#}\" height=\"16\" fill=\"{colour}\"><title>{Escape(Texts.Format("chart.actual", actual))}</title></rect>\n");
            svg.Append(CultureInfo.InvariantCulture, $"    <line class=\"target\" x1=\"{X(goal.Target):0.#}\" x2=\"{X(goal.Target):0.#}\" y1=\"{y + 2}\" y2=\"{y + 38}\" stroke=\"#000000\" stroke-width=\"2\"/>\n");
            svg.Append(CultureInfo.InvariantCulture, $"    <text x=\"{Left}\" y=\"{y + 50}\" fill=\"#444444\">{Escape(Texts.Format("chart.caption", actual, Value(goal.Target)) + (goal.Projection is { } q ? Texts.Format("chart.projected", Value(q.Expected), ReportWriter.RangeLow(goal, q.Low), Value(q.High), IsoDates.Format(q.By)) : ""))}</text>\n");
            svg.Append("  </g>\n");
        }

        svg.Append(CultureInfo.InvariantCulture, $"  <text x=\"16\" y=\"{height - 28}\" fill=\"#666666\" font-size=\"11\">{Escape(Texts.Get("chart.legend"))}</text>\n");
        svg.Append(CultureInfo.InvariantCulture, $"  <text x=\"16\" y=\"{height - 14}\" fill=\"#666666\" font-size=\"11\">{Escape(Texts.Get("chart.legend.lines"))}</text>\n");
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static string Escape(string text) => SecurityElement.Escape(text) ?? "";
}

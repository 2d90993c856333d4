namespace InclusionModel.Cli;

/// <summary>The <c>inclusion</c> command's entry point.</summary>
public static class Program
{
    /// <summary>Runs the command line.</summary>
    /// <param name="args">The arguments.</param>
    /// <returns>The exit code: 0, 1 or 2 (docs/interchange-contract.md §4).</returns>
    public static int Main(string[] args) => CliApp.Run(args, CliHost.FromConsole());
}

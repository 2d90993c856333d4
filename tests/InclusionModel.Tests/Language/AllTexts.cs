namespace InclusionModel.Tests.Language;

/// <summary>The sentences of every package's own table: the library's, the command's, the HTTP service's and the workbook's.</summary>
internal static class AllTexts
{
    internal static IEnumerable<(string Key, string En, string Sv)> Of()
        => InclusionModel.Texts.All.Select(t => ("library " + t.Key, t.En, t.Sv))
            .Concat(InclusionModel.Cli.Texts.All.Select(t => ("command " + t.Key, t.En, t.Sv)))
            .Concat(InclusionModel.AspNetCore.Texts.All.Select(t => ("http " + t.Key, t.En, t.Sv)))
            .Concat(InclusionModel.Workbooks.WorkbookTexts.All.Select(t => ("workbook " + t.Key, t.En, t.Sv)));
}

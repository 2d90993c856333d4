using System.Diagnostics;
using InclusionModel.Floor;

// inclusion-floor generate FILE MEGABYTES   writes a realistic export and prints "records bytes as-of"
// inclusion-floor parse FILE               the bare parse: prints "lines tokens value-bytes malformed"
if (args is ["generate", var target, var size])
{
    var (records, bytes, asOf) = Generate.Run(target, int.Parse(size, System.Globalization.CultureInfo.InvariantCulture));
    Console.WriteLine($"{records} {bytes} {asOf:uuuu-MM-dd}");
    return 0;
}

if (args is ["parse", var source])
{
    var clock = Stopwatch.StartNew();
    using var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
    var tally = BareParse.Run(input, Environment.ProcessorCount);
    Console.WriteLine($"{tally.Lines} {tally.Tokens} {tally.ValueBytes} {tally.Malformed} {clock.ElapsedMilliseconds}ms");
    return 0;
}

Console.Error.WriteLine("usage: inclusion-floor generate FILE MEGABYTES | inclusion-floor parse FILE");
return 2;

using System.Collections.Immutable;
using System.Globalization;
using NodaTime;

namespace InclusionModel.Eligibility;

/// <summary>Counting months of social assistance in a sorted array without allocating.</summary>
internal static class SocialAssistance
{
    internal static int Count(ImmutableArray<YearMonth> months, int first, int last)
    {
        int count = 0;
        foreach (var month in months)
        {
            int n = IsoDates.MonthNumber(month.Year, month.Month);
            if (n > last)
            {
                break;
            }

            if (n >= first)
            {
                count++;
            }
        }

        return count;
    }

    internal static string Span(int first, int last)
        => first == last ? Month(first) : Texts.Format("window", Month(first), Month(last));

    private static string Month(int number) => $"{(number / 12).ToString("D4", CultureInfo.InvariantCulture)}-{((number % 12) + 1).ToString("D2", CultureInfo.InvariantCulture)}";
}

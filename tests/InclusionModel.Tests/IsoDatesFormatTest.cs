namespace InclusionModel.Tests;

/// <summary><see cref="IsoDates.Format"/> against NodaTime's own ISO pattern.</summary>
public class IsoDatesFormatTest
{
    [FsCheck.Xunit.Property(MaxTest = 2000)]
    public void Format_IsNodaTimesIsoPattern(ushort year, byte month, byte day)
    {
        int y = 1 + (year % 9999), m = 1 + (month % 12);
        var date = new NodaTime.LocalDate(y, m, 1 + (day % NodaTime.CalendarSystem.Iso.GetDaysInMonth(y, m)));

        Assert.Equal(NodaTime.Text.LocalDatePattern.Iso.Format(date), IsoDates.Format(date));
    }
}

using SbbCommerce.Api.Common.Compliance;

namespace SbbCommerce.UnitTests.Identity;

public sealed class ComplianceAgeTests
{
    [Theory]
    [InlineData("2005-11-27", "2026-11-27", 21)]
    [InlineData("2005-11-28", "2026-11-27", 20)]
    [InlineData("2004-02-29", "2025-02-28", 20)]
    [InlineData("2004-02-29", "2025-03-01", 21)]
    public void Given_a_birth_date_When_computing_the_age_on_a_day_Then_full_years_count(string birth, string day, int age)
    {
        Assert.Equal(age, ComplianceOptions.AgeOn(DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));
    }
}

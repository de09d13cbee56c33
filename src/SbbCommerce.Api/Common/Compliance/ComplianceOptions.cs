namespace SbbCommerce.Api.Common.Compliance;

/// <summary>The <c>Compliance</c> configuration section: what the shop requires of buyers.</summary>
internal sealed class ComplianceOptions
{
    public const string Section = "Compliance";

    /// <summary>Minimum buyer age in years (API.md default: 21).</summary>
    public int MinimumAge { get; set; } = 21;

    /// <summary>The acknowledgement version the storefront must send back at checkout.</summary>
    public string Version { get; set; } = "2026-11";

    /// <summary>The acknowledgement text shown at checkout.</summary>
    public string Text { get; set; } =
        "I confirm that I am of legal age, that these products are sold for laboratory research use only and not for human consumption.";

    /// <summary>Full years between a birth date and a day (a 29 February birthday counts on 28 February).</summary>
    public static int AgeOn(DateOnly birthDate, DateOnly day)
    {
        var age = day.Year - birthDate.Year;
        return birthDate > day.AddYears(-age) ? age - 1 : age;
    }
}

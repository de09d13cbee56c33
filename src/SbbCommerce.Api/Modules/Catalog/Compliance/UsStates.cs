namespace SbbCommerce.Api.Modules.Catalog.Compliance;

/// <summary>USPS codes of the states, DC, the territories and the military "states" a parcel can be addressed to.</summary>
internal static class UsStates
{
    private static readonly HashSet<string> Codes = new(StringComparer.Ordinal)
    {
        "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA",
        "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK",
        "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY",
        "DC", "AS", "GU", "MP", "PR", "VI", "UM", "AA", "AE", "AP",
    };

    public static bool IsValid(string? code) => code is not null && Codes.Contains(code);
}

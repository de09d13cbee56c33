namespace SbbCommerce.Api.Modules.Events.Ingest;

/// <summary>Device type, browser and OS read from a User-Agent (null parts when unknown).</summary>
internal sealed record ClientInfo(string? DeviceType, string? Browser, string? Os)
{
    public static readonly ClientInfo Unknown = new(null, null, null);
}

/// <summary>
/// A small classifier for the agents a storefront actually sees (no maintained parser package exists to lean on).
/// Order matters: in-app browsers and Chromium derivatives announce "Chrome" and "Safari" too, so the specific
/// tokens are tested first. Cases live in the unit tests' table.
/// </summary>
internal static class UserAgentClassifier
{
    private static readonly (string Token, string Browser)[] Browsers =
    [
        ("Instagram", "Instagram"),
        ("FBAN/", "Facebook"),
        ("FBAV/", "Facebook"),
        ("BytedanceWebview", "TikTok"),
        ("musical_ly", "TikTok"),
        ("Edg/", "Edge"),
        ("EdgA/", "Edge"),
        ("EdgiOS/", "Edge"),
        ("OPR/", "Opera"),
        ("Opera", "Opera"),
        ("SamsungBrowser/", "Samsung Internet"),
        ("FxiOS/", "Firefox"),
        ("Firefox/", "Firefox"),
        ("CriOS/", "Chrome"),
        ("Chrome/", "Chrome"),
        ("Version/", "Safari"),
    ];

    private static readonly (string Token, string Os)[] OperatingSystems =
    [
        ("iPhone", "iOS"),
        ("iPod", "iOS"),
        ("iPad", "iPadOS"),
        ("Android", "Android"),
        ("Windows", "Windows"),
        ("CrOS", "ChromeOS"),
        ("Mac OS X", "macOS"),
        ("Macintosh", "macOS"),
        ("Linux", "Linux"),
    ];

    private static readonly string[] BotTokens = ["bot", "crawler", "spider", "slurp", "curl/", "wget/", "python-requests", "headless"];

    public static ClientInfo Classify(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return ClientInfo.Unknown;
        }

        var os = First(OperatingSystems, userAgent);
        if (BotTokens.Any(token => userAgent.Contains(token, StringComparison.OrdinalIgnoreCase)))
        {
            return new ClientInfo("bot", null, os);
        }

        var browser = First(Browsers, userAgent) ?? "Other";
        return new ClientInfo(DeviceOf(userAgent, os), browser, os);
    }

    private static string DeviceOf(string userAgent, string? os) => os switch
    {
        "iPadOS" => "tablet",
        "iOS" => "mobile",
        // Android phones say "Mobile"; Android tablets do not.
        "Android" => userAgent.Contains("Mobile", StringComparison.Ordinal) ? "mobile" : "tablet",
        _ when userAgent.Contains("Tablet", StringComparison.OrdinalIgnoreCase) => "tablet",
        _ when userAgent.Contains("Mobi", StringComparison.Ordinal) => "mobile",
        _ => "desktop",
    };

    private static string? First((string Token, string Name)[] table, string userAgent)
    {
        foreach (var (token, name) in table)
        {
            if (userAgent.Contains(token, StringComparison.Ordinal))
            {
                return name;
            }
        }

        return null;
    }
}

namespace SbbCommerce.Api.Modules.Integration.Sms;

/// <summary><c>Sms:Twilio:*</c> (names of API.md) and the Development drop folder.</summary>
internal sealed class SmsOptions
{
    public const string Section = "Sms";

    public TwilioOptions Twilio { get; set; } = new();

    /// <summary>Development without Twilio: each SMS is written here as a text file (relative to the repository root).</summary>
    public string PickupDirectory { get; set; } = ".data/sms";

    public int TimeoutSeconds { get; set; } = 10;
}

/// <summary><c>Sms:Twilio:*</c>.</summary>
internal sealed class TwilioOptions
{
    public string? BaseUrl { get; set; } = "https://api.twilio.com";
    public string? AccountSid { get; set; }
    public string? AuthToken { get; set; }
    public string? From { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(BaseUrl) && !string.IsNullOrWhiteSpace(AccountSid)
                                && !string.IsNullOrWhiteSpace(AuthToken) && !string.IsNullOrWhiteSpace(From);
}

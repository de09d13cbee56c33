namespace SbbCommerce.Api.Modules.Integration.Inbox;

/// <summary><c>Webhooks:*</c>: the inbound sources and their secrets, the body limit, the retry budget.</summary>
internal sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    public long MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Processing attempts before an event stays <c>failed</c> (visible, replayable by an admin).</summary>
    public int MaxAttempts { get; set; } = 5;

    public TimeSpan BaseRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Rows one job host processes at once (each in its own transaction; SKIP LOCKED keeps them apart).</summary>
    public int DispatcherLoops { get; set; } = 4;

    /// <summary>How far a signed timestamp may be from our clock.</summary>
    public TimeSpan Tolerance { get; set; } = TimeSpan.FromMinutes(5);

    public Dictionary<string, WebhookSourceOptions> Sources { get; set; } = new(StringComparer.Ordinal);
}

/// <summary><c>Webhooks:Sources:&lt;source&gt;:*</c>: what each provider signs with.</summary>
internal sealed class WebhookSourceOptions
{
    /// <summary>Standard Webhooks secret (<c>whsec_&lt;base64&gt;</c>): <c>epicor_propello</c>.</summary>
    public string? Secret { get; set; }

    /// <summary>Mailgun's webhook signing key.</summary>
    public string? SigningKey { get; set; }

    /// <summary>Shippo: the <c>?token=</c> its webhook URL carries.</summary>
    public string? Token { get; set; }
}

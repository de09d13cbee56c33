namespace SbbCommerce.Api.Modules.Integration.Email;

/// <summary>The <c>Email</c> configuration section (binding names of API.md).</summary>
internal sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary>Off: email messages wait in the outbox as <c>pending</c> (nothing lost, nothing sent).</summary>
    public bool Enabled { get; set; } = true;

    public string From { get; set; } = "Science Based Body <orders@sciencebasedbody.com>";

    /// <summary>The storefront's base address; links in emails point there (<c>/verify-email?token=</c>, ...).</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5173";

    /// <summary>Development without an SMTP host: each message is written here as an <c>.eml</c> file.</summary>
    public string PickupDirectory { get; set; } = ".data/mail";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>SMTP connections one drain loop uses at once.</summary>
    public int Parallelism { get; set; } = 4;
}

/// <summary><c>Email:Smtp:*</c>.</summary>
internal sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary><c>none</c>, <c>starttls</c> or <c>tls</c>; unset: STARTTLS when the server offers it.</summary>
    public string? Security { get; set; }

    public string? Username { get; set; }

    public string? Password { get; set; }

    public int TimeoutSeconds { get; set; } = 30;
}

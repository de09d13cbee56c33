namespace SbbCommerce.Api.Modules.Identity.Data;

/// <summary>A row of <c>phone_verifications</c>: one SMS code sent (hashed), its tries, and when it was closed.</summary>
internal sealed class PhoneVerification
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public required string Phone { get; set; }
    public required string CodeHash { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>Used, superseded by a newer code, or out of tries.</summary>
    public DateTimeOffset? ClosedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

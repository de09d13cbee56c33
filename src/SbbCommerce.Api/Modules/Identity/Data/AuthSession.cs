using SbbCommerce.Api.Modules.Identity.Contracts;
using System.Net;

namespace SbbCommerce.Api.Modules.Identity.Data;

/// <summary>A row of <c>auth_sessions</c>.</summary>
internal sealed class AuthSession
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public required string RefreshTokenHash { get; set; }
    public SessionStatus Status { get; set; } = SessionStatus.Active;
    public IPAddress? IpAddress { get; set; }
    public string? UserAgent { get; set; }
    public string? DeviceFingerprint { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset LastUsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevokedReason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>All rows created by rotating one login's refresh token share it (the API's session id).</summary>
    public Guid FamilyId { get; set; }

    /// <summary>The row that replaced this one when its token was rotated.</summary>
    public Guid? ReplacedById { get; set; }
}

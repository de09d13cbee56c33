using SbbCommerce.Api.Modules.Identity.Contracts;

namespace SbbCommerce.Api.Modules.Identity.Data;

/// <summary>A row of <c>external_logins</c>: a provider account (Google, Apple) linked to a user.</summary>
internal sealed class ExternalLogin
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public AuthProvider Provider { get; set; }

    /// <summary>The provider's stable subject id (<c>sub</c>); what sign-ins match on.</summary>
    public required string Subject { get; set; }

    public string? EmailAtLink { get; set; }
    public DateTimeOffset LinkedAt { get; set; }
}

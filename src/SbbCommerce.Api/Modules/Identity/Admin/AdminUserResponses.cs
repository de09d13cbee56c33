using SbbCommerce.Api.Modules.Identity.Addresses;
using SbbCommerce.Api.Modules.Identity.Contracts;
using SbbCommerce.Api.Modules.Identity.Sessions;
using SbbCommerce.Api.Modules.Identity.Users;

namespace SbbCommerce.Api.Modules.Identity.Admin;

/// <summary>A user with everything an admin looks at.</summary>
/// <param name="User">User and profile.</param>
/// <param name="Addresses">Addresses (not deleted).</param>
/// <param name="Sessions">Active sessions.</param>
/// <param name="Erp">The customer in the ERP: id, last sync, credit limit and terms.</param>
/// <param name="EmailUndeliverable">Set when the mail provider reported the address dead or a complaint: emails to it are skipped.</param>
internal sealed record AdminUserDetail(
    UserResponse User, IReadOnlyList<AddressResponse> Addresses, IReadOnlyList<SessionResponse> Sessions, AdminUserErp? Erp = null,
    AdminUserEmailUndeliverable? EmailUndeliverable = null);

/// <summary>Since when and why emails to the user's address are not sent.</summary>
internal sealed record AdminUserEmailUndeliverable(DateTimeOffset Since, string? Reason);

/// <summary>The customer as the ERP knows them: its id, last sync, and the credit terms it pushed (customer.updated).</summary>
internal sealed record AdminUserErp(string? ErpCustomerId, DateTimeOffset? SyncedAt, int? CreditLimitCents, string? Terms, DateTimeOffset? TermsUpdatedAt);

/// <summary>A row of the admin user search.</summary>
internal sealed record AdminUserSummary(Guid Id, string Email, string? FirstName, string? LastName, UserRole Role, UserStatus Status,
    bool EmailVerified, bool AgeVerified, [property: SchemaValues(typeof(KycStatuses))] string? KycStatus, DateTimeOffset CreatedAt);

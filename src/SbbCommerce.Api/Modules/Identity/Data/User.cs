using SbbCommerce.Api.Modules.Identity.Contracts;

namespace SbbCommerce.Api.Modules.Identity.Data;

/// <summary>A row of <c>users</c>.</summary>
internal sealed class User : RowVersioned
{
    public Guid Id { get; set; }
    public required string Email { get; set; }
    public bool EmailVerified { get; set; }
    public DateTimeOffset? EmailVerifiedAt { get; set; }
    public string? Phone { get; set; }
    public bool PhoneVerified { get; set; }
    public string? PasswordHash { get; set; }
    public AuthProvider AuthProvider { get; set; } = AuthProvider.Email;
    public UserRole Role { get; set; } = UserRole.Customer;
    public UserStatus Status { get; set; } = UserStatus.PendingVerification;
    public bool AgeVerified { get; set; }
    public DateTimeOffset? AgeVerifiedAt { get; set; }
    public string? KycStatus { get; set; } = "not_required";
    public DateTimeOffset? KycVerifiedAt { get; set; }
    public string? ErpCustomerId { get; set; }
    public DateTimeOffset? ErpSyncedAt { get; set; }

    /// <summary>The customer's credit limit in the ERP (ERP <c>customer.updated</c>), for admins.</summary>
    public int? ErpCreditLimitCents { get; set; }

    /// <summary>The customer's payment terms in the ERP.</summary>
    public string? ErpTerms { get; set; }

    public DateTimeOffset? ErpCustomerUpdatedAt { get; set; }

    /// <summary>Set when the mail provider reports a permanent failure or a complaint: emails to it are skipped.</summary>
    public DateTimeOffset? EmailUndeliverableAt { get; set; }

    public string? EmailUndeliverableReason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? DeletedAt { get; set; }

    public int FailedLoginCount { get; set; }
    public DateTimeOffset? FailedLoginWindowStart { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
}

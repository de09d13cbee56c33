namespace SbbCommerce.Api.Modules.Identity.Contracts;

/// <summary>What other modules may read about customers (Cart, Orders): never credentials.</summary>
public interface ICustomerDirectory
{
    /// <summary>Email and marketing consent of these users (missing ids are skipped).</summary>
    Task<IReadOnlyList<CustomerContact>> GetContactsAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken);

    /// <summary>One of the user's addresses that is not deleted, or null (another user's address is null too).</summary>
    Task<CustomerAddress?> GetAddressAsync(Guid userId, Guid addressId, CancellationToken cancellationToken);

    /// <summary>The facts checkout's compliance rules need, or null for an unknown user.</summary>
    Task<CustomerCompliance?> GetComplianceAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>
    /// The names a customer may send money under, for matching bank and payment-app statements: the profile's full name,
    /// the recipient names of their addresses, and the email. Missing ids are skipped.
    /// </summary>
    Task<IReadOnlyDictionary<Guid, IReadOnlyList<string>>> GetPayerNamesAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken);
}

/// <summary>How to reach a customer, and whether they agreed to marketing.</summary>
public sealed record CustomerContact(Guid UserId, string Email, string? FirstName, bool MarketingConsent);

/// <summary>A customer's address as it is now (orders copy it; addresses can change later).</summary>
public sealed record CustomerAddress(
    Guid Id,
    string AddressType,
    string RecipientName,
    string? Company,
    string StreetLine1,
    string? StreetLine2,
    string City,
    string StateProvince,
    string PostalCode,
    string CountryCode,
    string? Phone);

/// <summary>What a checkout checks about the buyer.</summary>
public sealed record CustomerCompliance(
    Guid UserId,
    string Email,
    string FullName,
    UserStatus Status,
    bool EmailVerified,
    bool AgeVerified,
    string KycStatus);

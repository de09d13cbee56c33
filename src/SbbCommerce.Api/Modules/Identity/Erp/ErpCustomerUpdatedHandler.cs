using SbbCommerce.Api.Modules.Identity.Data;
using SbbCommerce.Api.Modules.Integration.Contracts;

namespace SbbCommerce.Api.Modules.Identity.Erp;

/// <summary>
/// ERP <c>customer.updated</c>: the customer's credit limit and terms, stored on the user for admins. Found by the
/// ERP id, else by email; an update received before the one applied (a late retry) is not applied over it.
/// </summary>
internal sealed class ErpCustomerUpdatedHandler(SbbDbContext db) : IInboundWebhookHandler
{
    public string Source => "epicor_propello";

    public IReadOnlyCollection<string> EventTypes { get; } = ["customer.updated"];

    public async Task<InboundOutcome> HandleAsync(InboundEvent inbound, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        var data = inbound.Payload.TryGetProperty("data", out var d) ? d.Deserialize<CustomerUpdated>(JsonDefaults.Options) : null;
        if (data is null || (data.ErpCustomerId is null && data.Email is null))
        {
            return new InboundOutcome("invalid", new { Reason = "data.erpCustomerId or data.email is required" });
        }

        var email = data.Email?.Trim().ToLowerInvariant();
        var user = await db.Locking<User>(
                $"(erp_customer_id = {data.ErpCustomerId} OR lower(email) = {email}) ORDER BY (erp_customer_id = {data.ErpCustomerId}) DESC NULLS LAST LIMIT 1")
            .SingleOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return new InboundOutcome("unknown_customer", new { data.ErpCustomerId, data.Email });
        }

        if (user.ErpCustomerUpdatedAt is { } applied && applied >= inbound.ReceivedAt)
        {
            return new InboundOutcome("stale", new { AppliedAt = applied });
        }

        user.ErpCustomerId ??= data.ErpCustomerId;
        user.ErpCreditLimitCents = data.CreditLimitCents;
        user.ErpTerms = data.Terms is { Length: > 100 } terms ? terms[..100] : data.Terms;
        user.ErpCustomerUpdatedAt = inbound.ReceivedAt;
        return new InboundOutcome("applied", new { UserId = user.Id, data.CreditLimitCents, data.Terms });
    }

    private sealed record CustomerUpdated(string? ErpCustomerId, string? Email, int? CreditLimitCents, string? Terms);
}

using SbbCommerce.Api.Common.Outbox;
using SbbCommerce.Api.Modules.Identity.Contracts;
using SbbCommerce.Api.Modules.Identity.Data;

namespace SbbCommerce.Api.Modules.Identity.Erp;

/// <summary>
/// The ERP boundary of section 10: a user created or whose profile changed becomes a <c>customer.upsert</c>
/// message for Epicor Propello (Customer Master), enqueued in the same transaction as the change.
/// </summary>
internal static class CustomerUpsert
{
    public const string EventType = "customer.upsert";

    public static void Enqueue(IOutboxWriter outbox, User user, UserProfile? profile) =>
        outbox.Enqueue(OutboxDestinations.EpicorPropello, EventType, new
        {
            CustomerId = user.Id,
            user.ErpCustomerId,
            user.Email,
            user.Phone,
            Role = UserRoleLabels.Of(user.Role),
            user.Status,
            FirstName = profile?.FirstName,
            LastName = profile?.LastName,
            user.KycStatus,
            user.CreatedAt,
            user.UpdatedAt,
        }, "user", user.Id);
}

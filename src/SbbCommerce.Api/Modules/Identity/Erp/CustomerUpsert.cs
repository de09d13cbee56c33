using SbbCommerce.Api.Modules.Identity.Contracts;
using SbbCommerce.Api.Modules.Identity.Data;
using SbbCommerce.Api.Modules.Integration.Contracts;

namespace SbbCommerce.Api.Modules.Identity.Erp;

/// <summary>
/// The ERP boundary of section 10: a user created or whose profile changed becomes a <c>customer.upsert</c>
/// message for Epicor Propello (Customer Master), enqueued in the same transaction as the change.
/// </summary>
internal static class CustomerUpsert
{
    public const string EventType = ErpEventTypes.CustomerUpsert;
    public const string EntityType = "user";

    public static void Enqueue(IOutboxWriter outbox, User user, UserProfile? profile) =>
        outbox.Enqueue(OutboxDestinations.EpicorPropello, EventType, new ErpCustomerUpsert(
            user.Id,
            user.ErpCustomerId,
            user.Email,
            user.Phone,
            UserRoleLabels.Of(user.Role),
            SnakeCaseEnum.Label(user.Status),
            profile?.FirstName,
            profile?.LastName,
            user.KycStatus,
            user.CreatedAt,
            user.UpdatedAt), EntityType, user.Id);
}

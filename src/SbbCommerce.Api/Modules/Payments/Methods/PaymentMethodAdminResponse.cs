using SbbCommerce.Api.Modules.Payments.Contracts;
using SbbCommerce.Api.Modules.Payments.Data;

namespace SbbCommerce.Api.Modules.Payments.Methods;

/// <summary>A payment method with its admin-only fields.</summary>
internal sealed record PaymentMethodAdminResponse(PaymentMethodView Method, bool IsActive, bool IsManual, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static PaymentMethodAdminResponse From(PaymentMethod m) => new(PaymentMethodViews.From(m), m.IsActive, m.IsManual, m.CreatedAt, m.UpdatedAt);
}

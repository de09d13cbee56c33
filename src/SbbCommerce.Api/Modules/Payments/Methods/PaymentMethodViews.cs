using SbbCommerce.Api.Modules.Payments.Contracts;
using SbbCommerce.Api.Modules.Payments.Data;

namespace SbbCommerce.Api.Modules.Payments.Methods;

internal static class PaymentMethodViews
{
    /// <summary>Methods with no window set wait the design's default of 48 hours.</summary>
    public const int DefaultConfirmationWindowHours = 48;

    public static PaymentMethodView From(PaymentMethod method)
    {
        ArgumentNullException.ThrowIfNull(method);
        return new PaymentMethodView(method.Id, method.MethodType, method.Name, method.Instructions, JsonValues.Parse(method.PaymentDetails),
            method.MinAmountCents, method.MaxAmountCents, method.ConfirmationWindowHours ?? DefaultConfirmationWindowHours, method.SortOrder,
            method.IconUrl);
    }
}

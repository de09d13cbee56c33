using SbbCommerce.Api.Modules.Payments.Contracts;

namespace SbbCommerce.Api.Modules.Payments.StateMachine;

/// <summary>
/// A manual payment's states, written once. pending: instructions shown, nothing heard; awaiting_verification:
/// the customer says they paid (never expires on its own); completed: an admin saw the money; then refunds.
/// </summary>
internal static class PaymentStateMachine
{
    public static readonly StateMachine<PaymentStatus> Machine = new(new Dictionary<PaymentStatus, PaymentStatus[]>
    {
        [PaymentStatus.Pending] = [PaymentStatus.AwaitingVerification, PaymentStatus.Expired, PaymentStatus.Cancelled],
        [PaymentStatus.AwaitingVerification] = [PaymentStatus.Completed, PaymentStatus.Failed],
        [PaymentStatus.Completed] = [PaymentStatus.PartiallyRefunded, PaymentStatus.Refunded],
        [PaymentStatus.PartiallyRefunded] = [PaymentStatus.Refunded],
    });
}

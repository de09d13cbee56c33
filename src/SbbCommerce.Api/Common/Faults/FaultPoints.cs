namespace SbbCommerce.Api.Common.Faults;

/// <summary>
/// A named place inside a state change where the crash tests kill the host (SIGKILL) to prove that what is
/// committed stays whole. Production registers <see cref="NoFaultPoint"/>: reaching a point does nothing.
/// </summary>
public interface IFaultPoint
{
    /// <summary>Called when the code reaches <paramref name="point"/> (one of <see cref="FaultPoints"/>).</summary>
    void Reach(string point);
}

/// <summary>The points the crash tests can kill the host at (<c>Testing:KillAt</c>).</summary>
public static class FaultPoints
{
    /// <summary>Checkout wrote the order, its lines, payment, history and reservation; the transaction is not committed.</summary>
    public const string CheckoutBeforeCommit = "checkout.before_commit";

    /// <summary>Checkout committed; the client has no answer yet.</summary>
    public const string CheckoutAfterCommit = "checkout.after_commit";

    /// <summary>A payment is verified and the order paid in the open transaction.</summary>
    public const string PaymentVerifyBeforeCommit = "payment_verify.before_commit";

    /// <summary>A refund is completed, payment and order moved, in the open transaction.</summary>
    public const string RefundCompleteBeforeCommit = "refund_complete.before_commit";

    /// <summary>A fulfilment shipped: stock committed, order moved, messages queued, in the open transaction.</summary>
    public const string ShipBeforeCommit = "ship.before_commit";

    /// <summary>The outbox sent a batch (the ERP has it) and has not marked it sent.</summary>
    public const string OutboxAfterSend = "outbox.after_send";

    public static readonly IReadOnlyList<string> All =
        [CheckoutBeforeCommit, CheckoutAfterCommit, PaymentVerifyBeforeCommit, RefundCompleteBeforeCommit, ShipBeforeCommit, OutboxAfterSend];
}

/// <summary>The production fault point: nothing happens.</summary>
internal sealed class NoFaultPoint : IFaultPoint
{
    public void Reach(string point)
    {
    }
}

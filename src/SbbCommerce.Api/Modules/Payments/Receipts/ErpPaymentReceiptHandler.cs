using SbbCommerce.Api.Modules.Integration.Contracts;
using SbbCommerce.Api.Modules.Payments.Admin.VerifyPayment;
using SbbCommerce.Api.Modules.Payments.Contracts;
using SbbCommerce.Api.Modules.Payments.Data;
using SbbCommerce.Api.Modules.Payments.Ledger;
using SbbCommerce.Api.Modules.Payments.Verification;

namespace SbbCommerce.Api.Modules.Payments.Receipts;

/// <summary>
/// ERP <c>payment_receipt.confirmed</c> (paymentReference, amountCents, receivedAt, erpPaymentId): the bank received the
/// money, so the payment is completed exactly as an admin's verify does it (history, attempt with actor <c>webhook</c>,
/// order paid, outbox, email, audit), in the inbox processor's transaction. The payment row is locked, so a receipt and an
/// admin's verify racing on one payment book the money once; a replay of a receipt changes nothing.
/// </summary>
internal sealed class ErpPaymentReceiptHandler(SbbDbContext db, PaymentLedger ledger, PaymentVerifier verifier) : IInboundWebhookHandler
{
    public const string ErpReceipt = "erp_receipt";

    public string Source => "epicor_propello";

    public IReadOnlyCollection<string> EventTypes { get; } = ["payment_receipt.confirmed"];

    public async Task<InboundOutcome> HandleAsync(InboundEvent inbound, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        var receipt = inbound.Payload.TryGetProperty("data", out var data) ? data.Deserialize<Receipt>(JsonDefaults.Options) : null;
        if (receipt is not { PaymentReference.Length: > 0, AmountCents: > 0 })
        {
            return new InboundOutcome("invalid", new { Reason = "data.paymentReference and a positive amountCents are required" });
        }

        var payment = await db.Locking<Payment>($"payment_reference = {receipt.PaymentReference}").SingleOrDefaultAsync(cancellationToken);
        if (payment is null)
        {
            return new InboundOutcome("unknown_payment", new { receipt.PaymentReference });
        }

        if (payment.Status is not (PaymentStatus.Pending or PaymentStatus.AwaitingVerification))
        {
            // Already booked (an admin, a statement or an earlier delivery of this receipt): nothing to add.
            payment.ErpPaymentId ??= receipt.ErpPaymentId;
            return new InboundOutcome("already_booked", new { payment.PaymentReference, Status = payment.Status }, OrderId: payment.OrderId,
                PaymentId: payment.Id);
        }

        // Handled from the inbox, not from a request of ours: the ERP acts, from no address we could record.
        var caller = new PaymentCaller(new StatusActor(null, ActorType.Webhook), RequestContext.None);
        if (payment.Status == PaymentStatus.Pending)
        {
            // The customer paid without sending proof: the ERP's receipt is the proof.
            if (!await ledger.MoveAsync(payment, PaymentStatus.AwaitingVerification, ErpReceipt, caller,
                    new { receipt.ErpPaymentId, receipt.ReceivedAt }, cancellationToken))
            {
                return new InboundOutcome("refused", new { payment.PaymentReference, Status = payment.Status }, OrderId: payment.OrderId,
                    PaymentId: payment.Id);
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        var refused = await verifier.VerifyAsync(payment.Id,
            new VerifyPaymentRequest(receipt.AmountCents, $"ERP receipt {receipt.ErpPaymentId} received {receipt.ReceivedAt:O}"), caller, ErpReceipt,
            cancellationToken);
        if (refused is not null)
        {
            return new InboundOutcome("refused", new { payment.PaymentReference, Problem = refused.ProblemDetails.Extensions["code"], refused.ProblemDetails.Detail },
                OrderId: payment.OrderId, PaymentId: payment.Id);
        }

        payment.ErpPaymentId ??= receipt.ErpPaymentId;
        return new InboundOutcome("verified", new { payment.PaymentReference, receipt.AmountCents }, OrderId: payment.OrderId, PaymentId: payment.Id);
    }

    private sealed record Receipt(string PaymentReference, int AmountCents, DateTimeOffset? ReceivedAt, string? ErpPaymentId);
}

namespace SbbCommerce.IntegrationTests.Integration.Email;

/// <summary>One payload per email kind, shaped as the modules write them.</summary>
internal static class EmailSamples
{
    public static readonly IReadOnlyList<string> Subjects = new[]
    {
        "Confirm your email address",
        "Reset your password",
        "How to pay for order SBB-1001",
        "Proof of payment received for order SBB-1001",
        "Payment confirmed for order SBB-1001",
        "We could not confirm your payment for order SBB-1001",
        "Refund RF-1 for order SBB-1001",
        "Your cart is waiting",
        "Order SBB-1001 has shipped",
        "Order SBB-1001 was delivered",
        "Recall notice: BPC-157 5mg, batch LOT-7",
    }.Order(StringComparer.Ordinal).ToList();

    public static IEnumerable<(string Kind, object Payload)> All(string to)
    {
        yield return ("user.email_verification", new { To = to, UserId = Guid.NewGuid(), TokenId = Guid.NewGuid() });
        yield return ("user.password_reset", new { To = to, UserId = Guid.NewGuid(), TokenId = Guid.NewGuid() });
        yield return ("payment.instructions", new
        {
            To = to, OrderNumber = "SBB-1001", PaymentReference = "PAY-2001", AmountCents = 12_345, Currency = "USD", Method = "Zelle",
            Instructions = "Send the exact amount with Zelle.", Details = new { zelleEmail = "pay@shop.example", zelleName = "Science Based Body" },
            ExpiresAt = DateTimeOffset.UtcNow.AddDays(2),
        });
        yield return ("payment.proof_received", Payment(to, new { PaymentReference = "PAY-2001", OrderNumber = "SBB-1001", AmountCents = 12_345 }));
        yield return ("payment.verified", Payment(to, new
        {
            PaymentReference = "PAY-2001", OrderNumber = "SBB-1001", ReceivedAmountCents = 12_345, AmountDueCents = 0, OverpaidCents = 0,
        }));
        yield return ("payment.rejected", Payment(to, new { PaymentReference = "PAY-2001", OrderNumber = "SBB-1001", Reason = "No transfer found" }));
        yield return ("refund.completed", Payment(to, new { RefundReference = "RF-1", OrderNumber = "SBB-1001", AmountCents = 5_000, RefundMethod = "zelle" }));
        yield return ("cart.recovery", new { To = to, FirstName = "Ada", CartId = Guid.NewGuid(), TotalCents = 9_900, Currency = "USD" });
        yield return ("fulfillment.shipped", new
        {
            To = to, FirstName = "Ada", OrderNumber = "SBB-1001", FulfillmentNumber = "FUL-1", Carrier = "USPS", ServiceLevel = "priority",
            TrackingNumber = "9400", TrackingUrl = "https://tools.usps.com/track?n=9400",
            Items = new[] { new { Sku = "BPC-157-5MG", Name = "BPC-157 5mg", Quantity = 2, BatchNumber = "LOT-7" } },
        });
        yield return ("fulfillment.delivered", new
        {
            To = to, FirstName = "Ada", OrderNumber = "SBB-1001", FulfillmentNumber = "FUL-1", DeliveredAt = DateTimeOffset.UtcNow,
        });
        yield return ("batch.recall_notice", new
        {
            To = to, FirstName = "Ada", ProductName = "BPC-157 5mg", Sku = "BPC-157-5MG", BatchNumber = "LOT-7", Reason = "COA failed purity",
            OrderNumbers = new[] { "SBB-1001" },
        });
    }

    private static object Payment(string to, object details) => new { To = to, PaymentId = Guid.NewGuid(), Details = details };
}

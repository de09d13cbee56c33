namespace SbbCommerce.Api.Modules.Integration.Email.Templates;

internal sealed class PaymentVerifiedTemplate() : EmailTemplate<PaymentMessage<PaymentVerifiedDetails>>("payment.verified")
{
    protected override EmailContent Render(PaymentMessage<PaymentVerifiedDetails> message, EmailLinks links)
    {
        var d = message.Details;
        var body = new EmailBody(string.Empty)
            .Paragraph($"Your payment of {EmailBody.Money(d.ReceivedAmountCents)} for order {d.OrderNumber} is confirmed.")
            .Facts(("Order", d.OrderNumber), ("Payment reference", d.PaymentReference), ("Received", EmailBody.Money(d.ReceivedAmountCents)));
        body.Paragraph(d.AmountDueCents > 0
            ? $"{EmailBody.Money(d.AmountDueCents)} is still due on this order; it ships once it is paid in full."
            : "Your order is paid in full and goes to the warehouse now. We will email you when it ships.");
        if (d.OverpaidCents > 0)
        {
            body.Paragraph($"You sent {EmailBody.Money(d.OverpaidCents)} more than was due; we will contact you about the difference.");
        }

        return body.Action("View your order", links.Order(d.OrderNumber)).Build(message.To, $"Payment confirmed for order {d.OrderNumber}");
    }
}

namespace SbbCommerce.Api.Modules.Integration.Email.Templates;

internal sealed class PaymentRejectedTemplate() : EmailTemplate<PaymentMessage<PaymentRejectedDetails>>("payment.rejected")
{
    protected override EmailContent Render(PaymentMessage<PaymentRejectedDetails> message, EmailLinks links)
    {
        var d = message.Details;
        return new EmailBody(string.Empty)
            .Paragraph($"We could not confirm your payment {d.PaymentReference} for order {d.OrderNumber}.")
            .Facts(("Reason", d.Reason), ("Order", d.OrderNumber), ("Payment reference", d.PaymentReference))
            .Paragraph("You can start a new payment for the order from your account, or reply to this email if you believe this is a mistake.")
            .Action("View your order", links.Order(d.OrderNumber))
            .Build(message.To, $"We could not confirm your payment for order {d.OrderNumber}");
    }
}

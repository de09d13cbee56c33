namespace SbbCommerce.Api.Modules.Integration.Email.Templates;

internal sealed class RefundCompletedTemplate() : EmailTemplate<PaymentMessage<RefundCompletedDetails>>("refund.completed")
{
    protected override EmailContent Render(PaymentMessage<RefundCompletedDetails> message, EmailLinks links)
    {
        var d = message.Details;
        return new EmailBody(string.Empty)
            .Paragraph($"We have refunded {EmailBody.Money(d.AmountCents)} for order {d.OrderNumber}.")
            .Facts(("Refund reference", d.RefundReference), ("Order", d.OrderNumber), ("Amount", EmailBody.Money(d.AmountCents)),
                ("Refunded by", d.RefundMethod))
            .Paragraph("Depending on the method it can take a few business days to appear on your statement.")
            .Action("View your order", links.Order(d.OrderNumber))
            .Build(message.To, $"Refund {d.RefundReference} for order {d.OrderNumber}");
    }
}

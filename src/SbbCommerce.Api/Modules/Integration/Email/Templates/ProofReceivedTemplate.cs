namespace SbbCommerce.Api.Modules.Integration.Email.Templates;

internal sealed class ProofReceivedTemplate() : EmailTemplate<PaymentMessage<ProofReceivedDetails>>("payment.proof_received")
{
    protected override EmailContent Render(PaymentMessage<ProofReceivedDetails> message, EmailLinks links)
    {
        var d = message.Details;
        return new EmailBody(string.Empty)
            .Paragraph($"We received your proof of payment for order {d.OrderNumber}. Our team checks it against the transfer; "
                + "you will hear from us as soon as it is confirmed, usually within one business day.")
            .Facts(("Order", d.OrderNumber), ("Payment reference", d.PaymentReference), ("Amount", EmailBody.Money(d.AmountCents)))
            .Action("View your order", links.Order(d.OrderNumber))
            .Build(message.To, $"Proof of payment received for order {d.OrderNumber}");
    }
}

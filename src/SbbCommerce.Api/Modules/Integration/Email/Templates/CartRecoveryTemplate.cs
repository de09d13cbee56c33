namespace SbbCommerce.Api.Modules.Integration.Email.Templates;

internal sealed class CartRecoveryTemplate() : EmailTemplate<CartRecoveryMessage>("cart.recovery")
{
    protected override EmailContent Render(CartRecoveryMessage message, EmailLinks links) =>
        new EmailBody(message.FirstName ?? string.Empty)
            .Paragraph($"You left {EmailBody.Money(message.TotalCents, message.Currency)} of research compounds in your cart. "
                + "Stock moves fast; your cart is saved, but the items are not reserved until you check out.")
            .Action("Return to your cart", links.To("/cart"))
            .Paragraph("You receive this because you agreed to marketing emails; you can change that in your account.")
            .Build(message.To, "Your cart is waiting");
}

internal sealed record CartRecoveryMessage(string To, string? FirstName, Guid CartId, long TotalCents, string? Currency);

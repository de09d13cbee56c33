using System.Text.Json;
using SbbCommerce.Api.Modules.Identity.Contracts;
using SbbCommerce.Api.Modules.Integration.Email;
using SbbCommerce.Api.Modules.Integration.Email.Templates;

namespace SbbCommerce.UnitTests.Integration.Email.Templates;

public sealed class EmailTemplateTests
{
    private static readonly EmailLinks Links = new("https://shop.example/", new NoTokens());

    [Fact]
    public void Given_a_template_When_asked_its_event_type_Then_it_is_the_one_it_was_built_with()
    {
        Assert.Equal("test.greeting", new GreetingTemplate().EventType);
    }

    [Fact]
    public void Given_a_camel_case_payload_When_rendering_Then_the_template_renders_from_the_record_it_was_read_into()
    {
        using var payload = JsonDocument.Parse("""{"to":"ada@example.com","firstName":"Ada","orderNumber":"SBB-1"}""");

        var content = new GreetingTemplate().Render(payload.RootElement, Links);

        Assert.Equal("ada@example.com", content.To);
        Assert.Equal("Order SBB-1", content.Subject);
        Assert.Contains("Ada", content.Text, StringComparison.Ordinal);
        Assert.Contains("https://shop.example/account/orders/SBB-1", content.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_payload_that_is_null_When_rendering_Then_it_fails_naming_the_record()
    {
        using var payload = JsonDocument.Parse("null");

        var failure = Assert.Throws<JsonException>(() => new GreetingTemplate().Render(payload.RootElement, Links));

        Assert.Contains(nameof(GreetingMessage), failure.Message, StringComparison.Ordinal);
    }

    internal sealed record GreetingMessage(string To, string? FirstName, string OrderNumber);

    private sealed class GreetingTemplate() : EmailTemplate<GreetingMessage>("test.greeting")
    {
        protected override EmailContent Render(GreetingMessage message, EmailLinks links) =>
            new EmailBody(message.FirstName ?? string.Empty)
                .Action("View your order", links.Order(message.OrderNumber))
                .Build(message.To, $"Order {message.OrderNumber}");
    }

    private sealed class NoTokens : IUserEmailTokens
    {
        public string EmailVerificationToken(Guid tokenId) => throw new NotSupportedException();

        public string PasswordResetToken(Guid tokenId) => throw new NotSupportedException();
    }
}

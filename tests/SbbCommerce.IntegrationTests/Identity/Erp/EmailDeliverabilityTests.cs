using SbbCommerce.Api.Modules.Identity.Contracts;

namespace SbbCommerce.IntegrationTests.Identity.Erp;

/// <summary>The email sender asks the deliverability check for several messages at once (Email:Parallelism) from one scope.</summary>
public sealed class EmailDeliverabilityTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Given_one_scope_When_many_addresses_are_checked_at_once_Then_each_answer_is_right_and_none_fails()
    {
        var bounced = IdentityApi.NewEmail("bounced");
        var fine = IdentityApi.NewEmail("fine");
        await fixture.CreateClient().RegisterAsync(bounced);
        await fixture.CreateClient().RegisterAsync(fine);
        await fixture.ExecuteAsync("UPDATE users SET email_undeliverable_at = now(), email_undeliverable_reason = 'hard bounce' WHERE email = @e", ("e", bounced));

        await using var scope = fixture.CreateScope();
        var deliverability = scope.ServiceProvider.GetRequiredService<IEmailDeliverability>();
        var answers = await Task.WhenAll(Enumerable.Range(0, 64).Select(i => deliverability.UndeliverableReasonAsync(i % 2 == 0 ? bounced : fine.ToUpperInvariant(), CancellationToken.None)));

        Assert.All(answers.Where((_, i) => i % 2 == 0), answer => Assert.Equal("hard bounce", answer));
        Assert.All(answers.Where((_, i) => i % 2 == 1), Assert.Null);
    }
}

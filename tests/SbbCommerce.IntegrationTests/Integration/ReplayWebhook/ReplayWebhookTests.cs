using SbbCommerce.IntegrationTests.Integration.Inbox;

namespace SbbCommerce.IntegrationTests.Integration.ReplayWebhook;

public sealed class ReplayWebhookTests(WebhookFixture fixture) : IClassFixture<WebhookFixture>
{
    [Fact]
    public async Task Given_no_such_webhook_When_an_admin_replays_it_Then_404_inbox_message_not_found()
    {
        var response = await Admin().PostAsync($"/api/v1/admin/webhooks/inbox/{Guid.NewGuid()}/replay", null);

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "inbox_message_not_found");
    }

    private HttpClient Admin() => fixture.CreateClient().WithBearer(fixture.AdminToken());
}

using SbbCommerce.IntegrationTests.Integration.Inbox;

namespace SbbCommerce.IntegrationTests.Integration.GetWebhookInboxMessage;

public sealed class GetWebhookInboxMessageTests(WebhookFixture fixture) : IClassFixture<WebhookFixture>
{
    [Fact]
    public async Task Given_no_such_webhook_When_an_admin_reads_it_Then_404_inbox_message_not_found()
    {
        var response = await Admin().GetAsync($"/api/v1/admin/webhooks/inbox/{Guid.NewGuid()}");

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "inbox_message_not_found");
    }

    private HttpClient Admin() => fixture.CreateClient().WithBearer(fixture.AdminToken());
}

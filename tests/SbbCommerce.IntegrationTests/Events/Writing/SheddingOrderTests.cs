using Microsoft.AspNetCore.Routing;
using SbbCommerce.Api.Common.Http;
using SbbCommerce.Api.Common.Validation;

namespace SbbCommerce.IntegrationTests.Events.Writing;

public sealed class RateLimitedSmallQueueFixture : ApiFixture
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimiting:Enabled"] = "true",
        ["RateLimiting:IngestPermitPerMinute"] = "3",
        ["Events:QueueCapacity"] = "120",
        ["Events:Writers"] = "1",
    };
}

/// <summary>Where load shedding stands in the pipeline: after the rate limiter, before anything reads the body.</summary>
public sealed class SheddingOrderTests(RateLimitedSmallQueueFixture fixture) : IClassFixture<RateLimitedSmallQueueFixture>
{
    [Fact]
    public async Task Given_a_full_queue_When_a_client_goes_over_its_ingest_limit_Then_it_hears_rate_limited_and_its_refused_requests_counted()
    {
        var visitor = fixture.Visitor($"visitor-{Guid.NewGuid():N}");
        await using var stall = await WriteQueueTests.StallAsync(fixture.ConnectionString);
        await (await visitor.SendAsync(WriteQueueTests.Batch(EventsApi.NewSession(), 60), sync: false)).AcceptedAsync();
        await (await visitor.SendAsync(WriteQueueTests.Batch(EventsApi.NewSession(), 60), sync: false)).AcceptedAsync();

        // The third request is the limit's last permit and is shed (the queue holds its 120); the fourth is over the limit.
        var shed = await visitor.SendAsync(WriteQueueTests.Batch(EventsApi.NewSession(), 60), sync: false);
        var overLimit = await visitor.SendAsync(WriteQueueTests.Batch(EventsApi.NewSession(), 60), sync: false);

        await shed.AssertProblemAsync(HttpStatusCode.TooManyRequests, "ingest_overloaded");
        await overLimit.AssertProblemAsync(HttpStatusCode.TooManyRequests, "rate_limited");
        await stall.CommitAsync();
    }

    [Fact]
    public void Given_the_routes_that_shed_load_Then_each_checks_its_body_text_per_item_so_nothing_reads_its_body_before_the_check()
    {
        using var client = fixture.CreateClient();
        var endpoints = fixture.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints;

        var shedding = endpoints.Where(e => e.Metadata.GetMetadata<LoadShedding>() is not null).ToList();

        Assert.NotEmpty(shedding);
        Assert.All(shedding, e => Assert.NotNull(e.Metadata.GetMetadata<StorableTextPerItem>()));
    }
}

namespace SbbCommerce.IntegrationTests.Events.Ingest;

public sealed class IngestFixture : ApiFixture
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Events:CountryHeader"] = "CF-IPCountry",
        ["Events:MaxPropertiesBytes"] = "256",
    };
}

public sealed class IngestTests(IngestFixture fixture) : IClassFixture<IngestFixture>
{
    private const string IPhoneSafari =
        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";

    [Fact]
    public async Task Given_a_batch_with_bad_items_When_sent_Then_the_good_ones_are_stored_with_what_the_server_adds_and_the_bad_ones_are_listed_by_index()
    {
        var session = EventsApi.NewSession();
        var client = fixture.Visitor($"visitor-{Guid.NewGuid():N}");
        client.DefaultRequestHeaders.UserAgent.ParseAdd(IPhoneSafari);
        client.DefaultRequestHeaders.Add("CF-IPCountry", "de");
        var body = new
        {
            events = new object[]
            {
                EventsApi.PageView(session),
                new { eventName = "page.View", eventCategory = "page", sessionId = session },
                new { eventName = "product.view", eventCategory = "product", sessionId = session, productId = "not-a-uuid" },
                new { eventName = "cart.add", eventCategory = "cart", sessionId = session, productId = SeededData.BpcProductId, clientTimestamp = "2026-01-02T03:04:05Z" },
                new { eventName = "page.view", eventCategory = "page", sessionId = session, properties = new[] { 1, 2 } },
                "not an object",
            },
        };

        var answer = await (await client.SendAsync(body)).AcceptedAsync();

        Assert.Equal(2, answer.GetProperty("accepted").GetInt32());
        var rejected = answer.GetProperty("rejected").EnumerateArray()
            .ToDictionary(r => r.GetProperty("index").GetInt32(), r => r.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList());
        Assert.Equal([1, 2, 4, 5], rejected.Keys.Order());
        Assert.Equal(["eventName"], rejected[1]);
        Assert.Equal(["productId"], rejected[2]);
        Assert.Equal(["properties"], rejected[4]);
        await using var scope = fixture.CreateScope();
        var rows = await fixture.ScalarAsync<string>("""
            SELECT string_agg(concat_ws('|', event_name, device_type, browser, os, country_code, anonymous_id IS NOT NULL,
                   properties::text, created_at = @now, client_timestamp), ';' ORDER BY event_name)
              FROM events WHERE session_id = @session
            """, ("session", session), ("now", fixture.Factory.Time.GetUtcNow()));
        Assert.Equal("cart.add|mobile|Safari|iOS|DE|t|{}|t|2026-01-02 03:04:05+00;" +
            "page.view|mobile|Safari|iOS|DE|t|{\"scroll\": 10}|t", rows);
    }

    [Fact]
    public async Task Given_a_signed_in_user_When_the_body_claims_another_user_Then_the_event_is_the_token_users()
    {
        var session = EventsApi.NewSession();
        var someoneElse = Guid.NewGuid();
        var client = fixture.CreateClient().WithBearer(fixture.TokenFor("customer", SeededData.CustomerId));

        var answer = await (await client.SendAsync(new
        {
            eventName = "product.view", eventCategory = "product", sessionId = session, userId = someoneElse,
        })).AcceptedAsync();

        Assert.Equal(1, answer.GetProperty("accepted").GetInt32());
        Assert.Equal(SeededData.CustomerId, await fixture.ScalarAsync<Guid>("SELECT user_id FROM events WHERE session_id = @s", ("s", session)));
    }

    [Fact]
    public async Task Given_no_token_and_no_anonymous_id_When_an_event_claims_a_user_Then_it_is_rejected()
    {
        var session = EventsApi.NewSession();

        var answer = await (await fixture.CreateClient().SendAsync(new
        {
            eventName = "product.view", eventCategory = "product", sessionId = session, userId = SeededData.CustomerId,
        })).AcceptedAsync();

        Assert.Equal(0, answer.GetProperty("accepted").GetInt32());
        Assert.True(answer.GetProperty("rejected")[0].GetProperty("errors").TryGetProperty("anonymousId", out _));
        Assert.Equal(0L, await fixture.CountAsync(session));
    }

    [Fact]
    public async Task Given_an_anonymous_id_in_the_body_When_there_is_no_header_Then_it_is_used()
    {
        var session = EventsApi.NewSession();
        var anonymousId = $"body-{Guid.NewGuid():N}";

        await (await fixture.CreateClient().SendAsync(EventsApi.PageView(session, anonymousId))).AcceptedAsync();

        Assert.Equal(anonymousId, await fixture.ScalarAsync<string>("SELECT anonymous_id FROM events WHERE session_id = @s", ("s", session)));
    }

    public static TheoryData<string> BadEnvelopes => new()
    {
        "{\"events\":[]}",
        "{\"events\":{}}",
        "[{\"eventName\":\"page.view\"}]",
        "\"page.view\"",
        "{\"events\":[" + string.Join(',', Enumerable.Repeat("{}", 501)) + "]}",
    };

    [Theory]
    [MemberData(nameof(BadEnvelopes))]
    public async Task Given_a_body_that_is_neither_an_event_nor_a_list_of_1_to_500_When_sent_Then_400_validation_failed(string json)
    {
        var response = await fixture.Visitor("visitor-envelope").PostAsync("/api/v1/events",
            new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Given_malformed_json_When_sent_Then_400_not_500()
    {
        var response = await fixture.Visitor("visitor-malformed").PostAsync("/api/v1/events",
            new StringContent("{\"events\": [", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Given_items_holding_text_postgres_cannot_store_When_sent_Then_only_those_items_are_rejected_naming_the_field()
    {
        var session = EventsApi.NewSession();
        string Event(string extra) =>
            $$"""{"eventName":"page.view","eventCategory":"page","sessionId":"{{session}}"{{extra}}}""";
        var items = new[]
        {
            Event(""),
            Event(@",""pageTitle"":""Deals\u0000"""),
            Event(@",""properties"":{""note"":""a\u0000b""}"),
            Event(@",""utmSource"":""tik\ud800tok"""),
            Event(@",""properties"":{""n\u0000me"":1}"),
            Event(@",""pageTitle"":""Zoë \ud83d\ude00"""),
        };
        var json = "{\"events\":[" + string.Join(',', items) + "]}";

        var answer = await (await fixture.Visitor($"visitor-{Guid.NewGuid():N}").PostAsync("/api/v1/events?sync=true",
            new StringContent(json, Encoding.UTF8, "application/json"))).AcceptedAsync();

        Assert.Equal(2, answer.GetProperty("accepted").GetInt32());
        var rejected = answer.GetProperty("rejected").EnumerateArray()
            .ToDictionary(r => r.GetProperty("index").GetInt32(), r => r.GetProperty("errors").EnumerateObject().Single().Name);
        Assert.Equal(new Dictionary<int, string>
        {
            [1] = "pageTitle", [2] = "properties.note", [3] = "utmSource", [4] = "properties.(property name)",
        }, rejected);
        Assert.Equal(2L, await fixture.CountAsync(session));
        Assert.Equal("Zoë 😀", await fixture.ScalarAsync<string>(
            "SELECT page_title FROM events WHERE session_id = @s AND page_title IS NOT NULL", ("s", session)));
    }

    [Fact]
    public async Task Given_properties_named_as_the_serializer_matches_names_When_sent_Then_each_items_own_properties_are_stored()
    {
        // properties is taken from the request's document, not by the serializer: it must match names as the serializer
        // does (any case, escaped, the last of two) and never take another item's.
        var session = EventsApi.NewSession();
        string Event(int index, string properties) =>
            $$"""{"eventName":"page.view","eventCategory":"page","sessionId":"{{session}}","pageTitle":"{{index}}"{{properties}}}""";
        var items = new[]
        {
            Event(0, @",""Properties"":{""a"":0}"),
            Event(1, @",""propert\u0069es"":{""a"":1}"),
            Event(2, @",""properties"":{""a"":2},""PROPERTIES"":{""a"":22}"),
            Event(3, @",""nested"":{""properties"":{""a"":3}}"),
            Event(4, @",""properties"":null"),
        };
        var json = "{\"events\":[" + string.Join(',', items) + "]}";

        var answer = await (await fixture.Visitor($"visitor-{Guid.NewGuid():N}").PostAsync("/api/v1/events?sync=true",
            new StringContent(json, Encoding.UTF8, "application/json"))).AcceptedAsync();

        Assert.Equal(5, answer.GetProperty("accepted").GetInt32());
        Assert.Equal("0 {\"a\": 0};1 {\"a\": 1};2 {\"a\": 22};3 {};4 {}", await fixture.ScalarAsync<string>(
            "SELECT string_agg(page_title || ' ' || properties::text, ';' ORDER BY page_title) FROM events WHERE session_id = @s",
            ("s", session)));
    }

    [Fact]
    public async Task Given_a_number_PostgreSQL_cannot_store_in_properties_When_sent_Then_only_that_item_is_rejected_and_the_rest_are_written()
    {
        // jsonb stores numbers as numeric: 1e1000000 would fail the COPY, and with it every event of the writer's batch.
        var session = EventsApi.NewSession();
        string Event(string properties) =>
            $$"""{"eventName":"page.view","eventCategory":"page","sessionId":"{{session}}","properties":{{properties}}}""";
        var json = "{\"events\":[" + string.Join(',', Event("""{"n":1e1000000}"""), Event("""{"n":2.5e3}"""), Event("""{"n":[1e-20000]}""")) + "]}";

        var answer = await (await fixture.Visitor($"visitor-{Guid.NewGuid():N}").PostAsync("/api/v1/events?sync=true",
            new StringContent(json, Encoding.UTF8, "application/json"))).AcceptedAsync();

        Assert.Equal(1, answer.GetProperty("accepted").GetInt32());
        Assert.Equal([0, 2], answer.GetProperty("rejected").EnumerateArray().Select(r => r.GetProperty("index").GetInt32()));
        Assert.Equal("{\"n\": 2500}", await fixture.ScalarAsync<string>(
            "SELECT properties::text FROM events WHERE session_id = @s", ("s", session)));
    }

    public static TheoryData<string> UnreadableTopLevelNames => new()
    {
        // Looking up "events" unescapes a longer name whose start matches: a lone surrogate cannot be unescaped.
        """{"eventName":"page.view","eventCategory":"page","sessionId":"s-1","\ud800abcdef":1}""",
        """{"events":[{"eventName":"page.view","eventCategory":"page","sessionId":"s-1"}],"\udc00xyzxyz":1}""",
        """{"events":[{"eventName":"page.view","eventCategory":"page","sessionId":"s-1"}],"even\u0000ts":1}""",
    };

    [Theory]
    [MemberData(nameof(UnreadableTopLevelNames))]
    public async Task Given_a_top_level_property_name_that_cannot_be_stored_When_sent_Then_400_validation_failed_not_500(string json)
    {
        var response = await fixture.Visitor("visitor-names").PostAsync("/api/v1/events",
            new StringContent(json, Encoding.UTF8, "application/json"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("(property name)", out _));
    }

    [Fact]
    public async Task Given_500_events_When_sent_Then_all_are_accepted()
    {
        var session = EventsApi.NewSession();
        var body = new { events = Enumerable.Range(0, 500).Select(_ => EventsApi.PageView(session)).ToArray() };

        var answer = await (await fixture.Visitor($"visitor-{Guid.NewGuid():N}").SendAsync(body)).AcceptedAsync();

        Assert.Equal(500, answer.GetProperty("accepted").GetInt32());
        Assert.Equal(500L, await fixture.CountAsync(session));
    }

    [Fact]
    public async Task Given_ingested_anonymous_events_When_the_visitor_logs_in_with_that_id_Then_they_become_the_users()
    {
        var client = fixture.CreateClient();
        var email = IdentityApi.NewEmail();
        var userId = (await client.RegisterAsync(email)).GetProperty("id").GetGuid();
        var anonymousId = $"stitch-{Guid.NewGuid():N}";
        var session = EventsApi.NewSession();
        var visitor = fixture.Visitor(anonymousId);
        await (await visitor.SendAsync(new { events = new[] { EventsApi.PageView(session), EventsApi.PageView(session) } })).AcceptedAsync();

        await visitor.SignInAsync(email);

        Assert.Equal(2L, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM events WHERE session_id = @s AND user_id = @user AND anonymous_id = @anon",
            ("s", session), ("user", userId), ("anon", anonymousId)));
    }

    [Fact]
    public async Task Given_the_swagger_document_Then_ingest_says_that_202_means_queued()
    {
        var swagger = await fixture.CreateClient().WithBearer(fixture.AdminToken()).GetFromJsonAsync<JsonElement>("/swagger/v1/swagger.json");

        var post = swagger.GetProperty("paths").GetProperty("/api/v1/events").GetProperty("post");
        Assert.Contains("202 means QUEUED", post.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.True(post.GetProperty("responses").TryGetProperty("429", out _));
    }
}

using System.Buffers.Text;
using System.Net.Http.Headers;

namespace SbbCommerce.IntegrationTests.Common.Validation;

/// <summary>
/// Text PostgreSQL cannot store (NUL, unpaired surrogates) is a 400 validation_failed naming the field on every
/// route, anonymous or not, in JSON bodies, forms, query strings, route values and cursors (issue 14, defect 2:
/// each of these answered 500).
/// </summary>
public sealed class UnstorableTextTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private const string Nul = "\\u0000";
    private const string LoneSurrogate = "\\ud800";

    public static TheoryData<string, string, string, string, string> JsonCases => new()
    {
        // caller, method, path, JSON body, field named in the answer
        { "anonymous", "POST", "/api/v1/auth/login", $$"""{"email":"a{{Nul}}b@x.com","password":"Sturdy-Password-42"}""", "email" },
        { "anonymous", "POST", "/api/v1/auth/register", Register("firstName", $"Ada{Nul}"), "firstName" },
        { "anonymous", "POST", "/api/v1/auth/register", Register("utmSource", Nul), "utmSource" },
        { "anonymous", "POST", "/api/v1/auth/register", Register("lastName", $"Love{LoneSurrogate}lace"), "lastName" },
        { "anonymous", "POST", "/api/v1/auth/password/forgot", $$"""{"email":"{{LoneSurrogate}}@x.com"}""", "email" },
        { "anonymous", "POST", "/api/v1/auth/login", $$$"""{"email":"a@x.com","password":"p","extra":{"list":["ok","{{{Nul}}}"]}}""", "extra.list[1]" },
        { "customer", "POST", "/api/v1/me/addresses", Address(Nul), "city" },
        { "customer", "POST", "/api/v1/checkout", $$"""{"shippingAddressId":"{{Guid.NewGuid()}}","paymentMethodId":"{{SeededData.ZelleMethodId}}","complianceAcknowledged":true,"complianceVersion":"2026-11","customerNotes":"leave at door{{Nul}}"}""", "customerNotes" },
        { "customer", "PATCH", "/api/v1/me", $$"""{"firstName":"{{Nul}}"}""", "firstName" },
        { "admin", "POST", "/api/v1/admin/categories", $$"""{"name":"Peptides{{Nul}}"}""", "name" },
        { "admin", "POST", "/api/v1/admin/discounts", $$"""{"code":"NUL{{Nul}}","discountType":"percentage","value":10}""", "code" },
        { "admin", "PATCH", $"/api/v1/admin/users/{SeededData.CustomerId}", $$"""{"status":"active","reason":"{{LoneSurrogate}}"}""", "reason" },
    };

    public static TheoryData<string, string, string> QueryCases => new()
    {
        // caller, path and query, field
        { "anonymous", "/api/v1/products?q=%00", "q" },
        { "anonymous", "/api/v1/products?q=pep%00tide&limit=5", "q" },
        { "admin", "/api/v1/admin/users?q=%00", "q" },
        { "admin", "/api/v1/admin/orders?q=%00", "q" },
        { "admin", "/api/v1/admin/products?q=%00", "q" },
    };

    [Theory]
    [MemberData(nameof(JsonCases))]
    public async Task Given_unstorable_text_in_a_json_body_When_sent_Then_400_validation_failed_naming_the_field(
        string caller, string method, string path, string json, string field)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

        var response = await Client(caller).SendAsync(request);

        await AssertRefusedAsync(response, field);
    }

    [Theory]
    [MemberData(nameof(QueryCases))]
    public async Task Given_unstorable_text_in_a_query_or_route_When_sent_Then_400_validation_failed_naming_the_field(
        string caller, string pathAndQuery, string field)
    {
        var response = await Client(caller).GetAsync(pathAndQuery);

        await AssertRefusedAsync(response, field);
    }

    [Fact]
    public async Task Given_a_crafted_cursor_holding_a_nul_When_listing_Then_400_invalid_cursor()
    {
        var cursor = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
            $$"""{"createdAt":"2026-01-01T00:00:00Z","id":"{{Guid.NewGuid()}}","name":"a{{Nul}}","sortKey":"{{Nul}}"}"""));

        var products = await fixture.CreateClient().GetAsync($"/api/v1/products?cursor={cursor}");
        var users = await Client("admin").GetAsync($"/api/v1/admin/users?cursor={cursor}");

        // Every list answers a bad cursor with one code (400 invalid_cursor); those that collect field errors name it too.
        await products.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid_cursor");
        var problem = await users.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid_cursor");
        Assert.True(problem.GetProperty("errors").TryGetProperty("cursor", out _));
    }

    [Fact]
    public async Task Given_a_nul_in_a_multipart_field_When_submitting_a_proof_Then_400_validation_failed_naming_the_field()
    {
        using var form = new MultipartFormDataContent { { new StringContent("bank-ref\0-42"), "customerReference" } };

        var response = await Client("customer").PostAsync("/api/v1/payments/PAY-NONE/proof", form);

        await AssertRefusedAsync(response, "customerReference");
    }

    [Fact]
    public async Task Given_a_nul_in_an_uploaded_file_name_When_submitting_a_proof_Then_400_validation_failed()
    {
        // HttpClient will not write a NUL into a header, so the multipart body is written by hand.
        const string boundary = "sbb-boundary";
        var body = Encoding.UTF8.GetBytes(
            $"--{boundary}\r\nContent-Disposition: form-data; name=\"customerReference\"\r\n\r\nbank-ref-42\r\n" +
            $"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"proof\0.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF\r\n" +
            $"--{boundary}--\r\n");
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={boundary}");

        var response = await Client("customer").PostAsync("/api/v1/payments/PAY-NONE/proof", content);

        await AssertRefusedAsync(response, "file");
    }

    [Fact]
    public async Task Given_storable_non_ascii_text_When_registering_Then_it_is_kept_exactly()
    {
        var email = IdentityApiEmail();
        var json = $$"""{"email":"{{email}}","password":"Sturdy-Password-42","firstName":"Zoë 🙂","lastName":"\u00c5ngstr\u00f6m \ud83d\ude00","marketingConsent":false,"smsConsent":false}""";

        var response = await fixture.CreateClient().PostAsync("/api/v1/auth/register", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        Assert.Equal("Ångström 😀", await fixture.ScalarAsync<string>(
            "SELECT p.last_name FROM user_profiles p JOIN users u ON u.id = p.user_id WHERE u.email = @email", ("email", email)));
    }

    private static string IdentityApiEmail() => $"text-{Guid.NewGuid():N}@example.test";

    private static string Register(string field, string value)
    {
        var fields = new Dictionary<string, string>
        {
            ["email"] = IdentityApiEmail(), ["password"] = "Sturdy-Password-42", ["firstName"] = "Ada", ["lastName"] = "Lovelace",
            ["utmSource"] = "tiktok",
        };
        fields[field] = "PLACEHOLDER";
        return JsonSerializer.Serialize(fields).Replace("PLACEHOLDER", value, StringComparison.Ordinal);
    }

    private static string Address(string city) =>
        $$"""{"addressType":"shipping","isDefault":false,"recipientName":"Bea Buyer","streetLine1":"1 Main St","city":"Spring{{city}}field","stateProvince":"TX","postalCode":"73301","countryCode":"US"}""";

    private HttpClient Client(string caller) => caller switch
    {
        "anonymous" => fixture.CreateClient(),
        "customer" => fixture.CreateClient().WithBearer(fixture.CustomerToken()),
        _ => fixture.CreateClient().WithBearer(fixture.AdminToken()),
    };

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string field)
    {
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var fields = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains(field, fields);
    }
}

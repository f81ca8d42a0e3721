package io.podlens.alert;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import io.podlens.alert.WebhookTargets.AddressClass;
import io.podlens.common.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookTargetsTests {

	@Test
	void classifiesAddresses() throws Exception {
		Map<String, AddressClass> expected = Map.ofEntries(Map.entry("93.184.215.14", AddressClass.PUBLIC),
				Map.entry("8.8.8.8", AddressClass.PUBLIC), Map.entry("2606:4700::6810:84e5", AddressClass.PUBLIC),
				Map.entry("127.0.0.1", AddressClass.LOOPBACK), Map.entry("127.8.9.10", AddressClass.LOOPBACK),
				Map.entry("::1", AddressClass.LOOPBACK), Map.entry("10.1.2.3", AddressClass.PRIVATE),
				Map.entry("172.16.0.1", AddressClass.PRIVATE), Map.entry("172.31.255.255", AddressClass.PRIVATE),
				Map.entry("172.32.0.1", AddressClass.PUBLIC), Map.entry("192.168.1.1", AddressClass.PRIVATE),
				Map.entry("100.64.0.1", AddressClass.PRIVATE), Map.entry("169.254.1.1", AddressClass.LINK_LOCAL),
				Map.entry("fe80::1", AddressClass.LINK_LOCAL), Map.entry("fc00::1", AddressClass.UNIQUE_LOCAL),
				Map.entry("fd12:3456::1", AddressClass.UNIQUE_LOCAL),
				Map.entry("169.254.169.254", AddressClass.METADATA), Map.entry("fd00:ec2::254", AddressClass.METADATA),
				Map.entry("224.0.0.1", AddressClass.MULTICAST), Map.entry("ff02::1", AddressClass.MULTICAST),
				Map.entry("0.0.0.0", AddressClass.UNSPECIFIED), Map.entry("::", AddressClass.UNSPECIFIED),
				Map.entry("255.255.255.255", AddressClass.UNSPECIFIED),
				// private IPv4 hosts written as IPv6
				Map.entry("::ffff:127.0.0.1", AddressClass.LOOPBACK),
				Map.entry("::ffff:169.254.169.254", AddressClass.METADATA),
				Map.entry("64:ff9b::10.0.0.1", AddressClass.PRIVATE),
				Map.entry("2002:c0a8:0101::1", AddressClass.PRIVATE));
		expected.forEach((address, kind) -> {
			try {
				assertThat(WebhookTargets.classify(InetAddress.getByName(address))).as(address).isEqualTo(kind);
			}
			catch (UnknownHostException ex) {
				throw new AssertionError(ex);
			}
		});
	}

	@Test
	void refusesPrivateTargetsUnlessAllowedAndMetadataAlways() {
		WebhookTargets strict = new WebhookTargets(false);
		WebhookTargets lenient = new WebhookTargets(true);
		for (String url : List.of("http://127.0.0.1:8080/hook", "http://[::1]/hook", "http://10.0.0.7/",
				"https://192.168.0.10/x", "http://169.254.10.10/", "http://[fd00::1]/")) {
			assertThatThrownBy(() -> strict.check("webhookUrl", url)).as(url)
				.isInstanceOf(InvalidInputException.class)
				.hasMessageContaining("webhookUrl")
				.hasMessageContaining("allow-private-targets");
			assertThat(lenient.check("webhookUrl", url)).isEqualTo(URI.create(url));
		}
		for (String url : List.of("http://169.254.169.254/latest/meta-data/", "http://[fd00:ec2::254]/",
				"http://224.0.0.1/", "http://0.0.0.0:9000/")) {
			assertThatThrownBy(() -> lenient.check("webhookUrl", url)).as(url)
				.isInstanceOf(InvalidInputException.class)
				.hasMessageNotContaining("allow-private-targets");
		}
		assertThat(strict.check("webhookUrl", "https://93.184.215.14/hook")).hasHost("93.184.215.14");
	}

	@Test
	void everyResolvedAddressMustBeAllowed() throws Exception {
		InetAddress publicAddress = InetAddress.getByName("93.184.215.14");
		InetAddress privateAddress = InetAddress.getByName("10.0.0.1");
		WebhookTargets targets = new WebhookTargets(false, (host) -> List.of(publicAddress, privateAddress));
		assertThat(targets.refusal(URI.create("https://hooks.example.com/x"))).get()
			.asString()
			.contains("hooks.example.com", "10.0.0.1", "private");
		WebhookTargets unresolvable = new WebhookTargets(false, (host) -> {
			throw new UnknownHostException(host);
		});
		assertThatThrownBy(() -> unresolvable.check("webhookUrl", "https://nowhere.invalid/"))
			.hasMessageContaining("does not resolve");
	}

	@Test
	void refusesMalformedUrls() {
		WebhookTargets targets = new WebhookTargets(true);
		for (String url : List.of("ftp://93.184.215.14/", "hooks.example.com/x", "http:///path", "http://a b/",
				"https://user:pass@93.184.215.14/", "https://93.184.215.14/#frag", "javascript:alert(1)")) {
			assertThatThrownBy(() -> targets.check("webhookUrl", url)).as(url)
				.isInstanceOf(InvalidInputException.class)
				.hasMessageStartingWith("webhookUrl: ");
		}
	}

}

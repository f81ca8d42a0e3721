package io.podlens.alert;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.podlens.common.InvalidInputException;

/**
 * The guard against server-side request forgery: a webhook URL must be absolute
 * {@code http} or {@code https}, without user info, and every address its host resolves
 * to must be a public unicast address. Checked when an alert is stored and again before
 * every attempt, since the name may resolve elsewhere by then (DNS rebinding).
 */
class WebhookTargets {

	/** What kind of address a host resolved to, and whether a webhook may go there. */
	enum AddressClass {

		PUBLIC(true, false), LOOPBACK(false, true), PRIVATE(false, true), LINK_LOCAL(false, true),
		UNIQUE_LOCAL(false, true),
		/** Cloud instance metadata (169.254.169.254, fd00:ec2::254): never a target. */
		METADATA(false, false), MULTICAST(false, false),
		/** 0.0.0.0, ::, broadcast and reserved ranges: never a target. */
		UNSPECIFIED(false, false);

		final boolean allowed;

		/** Allowed with {@code podlens.alerts.allow-private-targets=true}. */
		final boolean allowedWhenPrivateAllowed;

		AddressClass(boolean allowed, boolean allowedWhenPrivateAllowed) {
			this.allowed = allowed;
			this.allowedWhenPrivateAllowed = allowedWhenPrivateAllowed;
		}

		String describe() {
			return name().toLowerCase(Locale.ROOT).replace('_', '-');
		}

	}

	/** Turns a host name into its addresses; a seam for tests. */
	interface Resolver {

		List<InetAddress> resolve(String host) throws UnknownHostException;

	}

	static final int MAX_URL_LENGTH = 2000;

	private final boolean allowPrivate;

	private final Resolver resolver;

	WebhookTargets(boolean allowPrivate) {
		this(allowPrivate, (host) -> List.of(InetAddress.getAllByName(host)));
	}

	WebhookTargets(boolean allowPrivate, Resolver resolver) {
		this.allowPrivate = allowPrivate;
		this.resolver = resolver;
	}

	/**
	 * The URL, checked.
	 * @throws InvalidInputException naming {@code field} when it is malformed, does not
	 * resolve or resolves to an address a webhook may not go to
	 */
	URI check(String field, String url) {
		URI uri = parse(field, url);
		refusal(uri).ifPresent((reason) -> {
			throw InvalidInputException.forField(field, reason);
		});
		return uri;
	}

	/**
	 * Why a delivery may not go to this URL now, or empty when it may: the check before
	 * each attempt.
	 */
	Optional<String> refusal(URI uri) {
		String host = host(uri);
		List<InetAddress> addresses;
		try {
			addresses = this.resolver.resolve(host);
		}
		catch (UnknownHostException ex) {
			return Optional.of("host '" + host + "' does not resolve");
		}
		if (addresses.isEmpty()) {
			return Optional.of("host '" + host + "' does not resolve");
		}
		for (InetAddress address : addresses) {
			AddressClass kind = classify(address);
			boolean allowed = kind.allowed || (this.allowPrivate && kind.allowedWhenPrivateAllowed);
			if (!allowed) {
				String hint = kind.allowedWhenPrivateAllowed
						? " (set podlens.alerts.allow-private-targets=true to allow such receivers)" : "";
				return Optional.of("host '" + host + "' resolves to " + address.getHostAddress() + ", a "
						+ kind.describe() + " address; webhooks only go to public addresses" + hint);
			}
		}
		return Optional.empty();
	}

	static URI parse(String field, String url) {
		if (url.length() > MAX_URL_LENGTH) {
			throw InvalidInputException.forField(field, "is longer than " + MAX_URL_LENGTH + " characters");
		}
		URI uri;
		try {
			uri = new URI(url.strip());
		}
		catch (URISyntaxException ex) {
			throw InvalidInputException.forField(field, "is not a URL: " + ex.getMessage());
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : null;
		if (!"http".equals(scheme) && !"https".equals(scheme)) {
			throw InvalidInputException.forField(field,
					"must be an absolute http or https URL, was '" + shown(url) + "'");
		}
		if (uri.getRawUserInfo() != null) {
			throw InvalidInputException.forField(field,
					"must not carry a user name or password; authenticate the receiver with the signature");
		}
		if (uri.getHost() == null || uri.getHost().isEmpty()) {
			throw InvalidInputException.forField(field, "has no host name, was '" + shown(url) + "'");
		}
		if (uri.getRawFragment() != null) {
			throw InvalidInputException.forField(field, "must not have a fragment (#...)");
		}
		return uri;
	}

	/** The host without the brackets of an IPv6 literal. */
	private static String host(URI uri) {
		String host = uri.getHost();
		return (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
	}

	static AddressClass classify(InetAddress address) {
		if (address instanceof Inet6Address v6) {
			byte[] b = v6.getAddress();
			Optional<Inet4Address> embedded = embeddedV4(b);
			if (embedded.isPresent()) {
				return classify(embedded.get());
			}
			if (isMetadataV6(b)) {
				return AddressClass.METADATA;
			}
			if (v6.isAnyLocalAddress()) {
				return AddressClass.UNSPECIFIED;
			}
			if (v6.isLoopbackAddress()) {
				return AddressClass.LOOPBACK;
			}
			if (v6.isMulticastAddress()) {
				return AddressClass.MULTICAST;
			}
			if (v6.isLinkLocalAddress()) {
				return AddressClass.LINK_LOCAL;
			}
			// fc00::/7
			if ((b[0] & 0xfe) == 0xfc) {
				return AddressClass.UNIQUE_LOCAL;
			}
			// fec0::/10, deprecated site-local
			if (v6.isSiteLocalAddress()) {
				return AddressClass.PRIVATE;
			}
			// Global unicast is 2000::/3; everything else is reserved or special.
			return ((b[0] & 0xe0) == 0x20) ? AddressClass.PUBLIC : AddressClass.UNSPECIFIED;
		}
		byte[] b = address.getAddress();
		int a0 = b[0] & 0xff;
		int a1 = b[1] & 0xff;
		if (a0 == 169 && a1 == 254 && (b[2] & 0xff) == 169 && (b[3] & 0xff) == 254) {
			return AddressClass.METADATA;
		}
		if (a0 == 0 || a0 >= 240) {
			// 0.0.0.0/8, 240.0.0.0/4 reserved, 255.255.255.255 broadcast
			return AddressClass.UNSPECIFIED;
		}
		if (a0 == 127) {
			return AddressClass.LOOPBACK;
		}
		if (a0 >= 224) {
			return AddressClass.MULTICAST;
		}
		if (a0 == 169 && a1 == 254) {
			return AddressClass.LINK_LOCAL;
		}
		if (a0 == 10 || (a0 == 172 && a1 >= 16 && a1 <= 31) || (a0 == 192 && a1 == 168)
		// 100.64.0.0/10 carrier-grade NAT, 198.18.0.0/15 benchmarking
				|| (a0 == 100 && a1 >= 64 && a1 <= 127) || (a0 == 198 && (a1 == 18 || a1 == 19))) {
			return AddressClass.PRIVATE;
		}
		if (a0 == 192 && a1 == 0 && (b[2] & 0xff) == 0) {
			// 192.0.0.0/24 IETF protocol assignments (includes the DS-Lite and NAT64
			// helpers)
			return AddressClass.PRIVATE;
		}
		return AddressClass.PUBLIC;
	}

	/** fd00:ec2::254, the IPv6 metadata endpoint of EC2. */
	private static boolean isMetadataV6(byte[] b) {
		byte[] metadata = { (byte) 0xfd, 0x00, 0x0e, (byte) 0xc2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 0x54 };
		return java.util.Arrays.equals(b, metadata);
	}

	/**
	 * The IPv4 address inside an IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible
	 * (::a.b.c.d), NAT64 (64:ff9b::a.b.c.d) or 6to4 (2002:aabb:ccdd::) address: a way to
	 * name a private IPv4 host in IPv6 notation.
	 */
	private static Optional<Inet4Address> embeddedV4(byte[] b) {
		boolean zeroPrefix = true;
		for (int i = 0; i < 10; i++) {
			zeroPrefix &= b[i] == 0;
		}
		boolean mapped = zeroPrefix && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
		boolean compatible = zeroPrefix && b[10] == 0 && b[11] == 0
				&& !((b[12] | b[13] | b[14]) == 0 && (b[15] == 0 || b[15] == 1));
		boolean nat64 = b[0] == 0 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
		for (int i = 4; nat64 && i < 12; i++) {
			nat64 = b[i] == 0;
		}
		if (mapped || compatible || nat64) {
			return Optional.of(v4(b[12], b[13], b[14], b[15]));
		}
		if (b[0] == 0x20 && b[1] == 0x02) {
			return Optional.of(v4(b[2], b[3], b[4], b[5]));
		}
		return Optional.empty();
	}

	private static Inet4Address v4(byte a, byte b, byte c, byte d) {
		try {
			return (Inet4Address) InetAddress.getByAddress(new byte[] { a, b, c, d });
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String shown(String url) {
		return (url.length() > 80) ? url.substring(0, 80) + "…" : url;
	}

}

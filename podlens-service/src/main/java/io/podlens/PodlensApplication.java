package io.podlens;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Podlens: ingest timestamped podcast transcripts, index them with Lucene and find what
 * was said, where and when.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PodlensApplication {

	public static void main(String[] args) {
		SpringApplication.run(PodlensApplication.class, args);
	}

}

<?php
// A must-use plugin for the test's WordPress: the article's server is on
// loopback, at a port of its own, which WordPress refuses to fetch by
// default; and there is no mail to send.
add_filter('http_request_host_is_external', '__return_true');
add_filter('http_allowed_safe_ports', function ($ports, $host, $url) {
    $ports[] = (int) parse_url($url, PHP_URL_PORT);
    return $ports;
}, 10, 3);
add_filter('pre_wp_mail', '__return_false');
